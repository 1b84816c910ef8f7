namespace CareerBot.Bot.Turns;

/// <summary>
/// What a person did, as the turn handler reads it whatever the channel: a closed set
/// (<see cref="Ask"/>, <see cref="Reset"/>, <see cref="Vote"/>, <see cref="Joined"/>,
/// <see cref="Ended"/>). Each channel's parser turns its native payload into these; nothing past
/// the parser reads the payload's shape.
/// </summary>
public abstract record UserInput
{
    private static readonly string[] ResetWords = ["reset", "start over", "restart", "new conversation", "clear"];

    private protected UserInput()
    {
    }

    /// <summary>What typed text asks: a reset word starts over, anything else is a question, read up to <paramref name="maxTextLength"/> (not refused).</summary>
    public static UserInput Typed(string text, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > maxTextLength)
        {
            text = text[..maxTextLength];
        }

        return ResetWords.Contains(text.Trim().TrimEnd('.', '!').ToLowerInvariant()) ? new Reset() : new Ask(text);
    }
}
