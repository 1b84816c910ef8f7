namespace CareerBot.Knowledge.Import;

/// <summary>
/// One block of a page being imported, whatever its format: each reader turns its format into
/// these, and <see cref="GuideOutliner"/> arranges them into sections. Text is plain, with
/// whitespace already normalised.
/// </summary>
internal abstract record SourceBlock;

/// <summary>A heading: 2 a section, 3 a subsection; deeper ones become lead-in lines, 1 acts as 2.</summary>
internal sealed record SourceHeading(int Level, string Text) : SourceBlock;

internal sealed record SourceParagraph(string Text) : SourceBlock;

internal sealed record SourceList(bool Ordered, IReadOnlyList<string> Items) : SourceBlock;

/// <summary>A table: its header row and its body rows, every row as wide as the header.</summary>
internal sealed record SourceTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : SourceBlock;
