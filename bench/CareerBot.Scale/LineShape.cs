namespace CareerBot.Scale;

/// <summary>One line of a passage: a list item, or a paragraph of sentences of the given word counts (a lead-in ends with ':').</summary>
internal sealed record LineShape(bool IsListItem, IReadOnlyList<int> SentenceWords, bool EndsWithColon);
