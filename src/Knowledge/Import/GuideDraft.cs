namespace CareerBot.Knowledge.Import;

/// <summary>An imported page arranged the way a guide is: sections, then the FAQ questions.</summary>
internal sealed record GuideDraft(string Title, string Summary, IReadOnlyList<DraftSection> Sections, IReadOnlyList<DraftQuestion> Questions);

/// <summary>A <c>##</c> section: its own text, then its <c>###</c> subsections.</summary>
internal sealed record DraftSection(string Heading, IReadOnlyList<SourceBlock> Body, IReadOnlyList<DraftSubsection> Subsections);

internal sealed record DraftSubsection(string Heading, IReadOnlyList<SourceBlock> Body);

/// <summary>A <c>###</c> question under "Frequently asked questions", with its answer.</summary>
internal sealed record DraftQuestion(string Question, IReadOnlyList<SourceBlock> Answer);
