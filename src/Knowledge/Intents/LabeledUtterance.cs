namespace CareerBot.Knowledge.Intents;

/// <summary>One training example: what a user might say, and its intent's name.</summary>
public sealed record LabeledUtterance(string Text, string Intent, string File, int Line);
