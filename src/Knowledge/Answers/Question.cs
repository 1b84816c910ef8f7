namespace CareerBot.Knowledge.Answers;

/// <summary>A user's message, with what the previous turn left (null on a first turn).</summary>
public sealed record Question(string Text, ConversationContext? Previous = null)
{
    /// <summary>The day the message was sent (UTC). Quoted claims about earlier years are marked as dated; without a day none is.</summary>
    public DateOnly? AskedOn { get; init; }
}
