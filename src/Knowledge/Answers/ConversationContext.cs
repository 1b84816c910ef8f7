namespace CareerBot.Knowledge.Answers;

/// <summary>
/// What one turn leaves for the next: its topic, the question it effectively answered, the
/// search terms it used, the passages it showed and the one it quoted only in part. The engine keeps no state of its own;
/// callers pass this back in with the next <see cref="Question"/>.
/// </summary>
public sealed record ConversationContext(
    string? Topic,
    string Question,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> PassageIds)
{
    /// <summary>
    /// The passage the answer quoted only part of (the first one shown), which a "tell me more"
    /// then quotes at length before it moves on to passages not shown yet; null when the first
    /// passage was quoted whole or has had its "more" already.
    /// </summary>
    public string? Unfinished { get; init; }

    /// <summary>
    /// The items of the first list the reply quoted, in order, which a follow-up can point to by
    /// place ("tell me more about the second one"); empty when it quoted none.
    /// </summary>
    public IReadOnlyList<string> Items { get; init; } = [];
}
