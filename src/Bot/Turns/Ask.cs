namespace CareerBot.Bot.Turns;

/// <summary>A question or small talk, as typed (mentions of the bot removed, bounded in length).</summary>
public sealed record Ask(string Text) : UserInput;
