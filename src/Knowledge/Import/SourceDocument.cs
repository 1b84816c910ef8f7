namespace CareerBot.Knowledge.Import;

/// <summary>A page read by one of the readers: its title (the first level-1 heading), if any, and its blocks in order.</summary>
internal sealed record SourceDocument(string? Title, IReadOnlyList<SourceBlock> Blocks);
