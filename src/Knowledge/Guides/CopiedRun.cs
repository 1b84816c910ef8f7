namespace CareerBot.Knowledge.Guides;

/// <summary>A run of words a guide shares with a source page: where it starts, how long it is, and the words.</summary>
public sealed record CopiedRun(int Line, int Words, string Source, string Text);
