namespace CareerBot.Bot.Turns;

/// <summary>Someone other than the bot joined the conversation: they get one welcome.</summary>
public sealed record Joined : UserInput;
