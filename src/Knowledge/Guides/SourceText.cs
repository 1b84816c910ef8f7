namespace CareerBot.Knowledge.Guides;

/// <summary>A source page a guide was written from: its name (for messages) and its text.</summary>
public sealed record SourceText(string Name, string Text);
