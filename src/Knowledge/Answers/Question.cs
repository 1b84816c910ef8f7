namespace CareerBot.Knowledge.Answers;

/// <summary>A user's message, with what the previous turn left (null on a first turn).</summary>
public sealed record Question(string Text, ConversationContext? Previous = null);
