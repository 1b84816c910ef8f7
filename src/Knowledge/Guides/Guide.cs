namespace CareerBot.Knowledge.Guides;

/// <summary>One knowledge-base guide, restated in our words from one source guide.</summary>
public sealed record Guide(
    string Id,
    string Title,
    string Source,
    DateOnly Updated,
    string Summary,
    string FilePath,
    IReadOnlyList<Passage> Passages)
{
    /// <summary>Every topic the guide's comments name, with the comment's line, for checks against the intents.</summary>
    public IReadOnlyList<TopicTag> TopicTags { get; init; } = [];
}
