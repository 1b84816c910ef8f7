namespace CareerBot.Bot.Turns;

/// <summary>The conversation ended: its state is dropped.</summary>
public sealed record Ended : UserInput;
