namespace CareerBot.Bot.Turns;

/// <summary>"Start over": the conversation's context is forgotten.</summary>
public sealed record Reset : UserInput;
