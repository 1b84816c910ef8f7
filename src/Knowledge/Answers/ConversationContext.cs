namespace CareerBot.Knowledge.Answers;

/// <summary>
/// What one turn leaves for the next: its topic, the question it effectively answered, the
/// search terms it used and the passages it showed. The engine keeps no state of its own;
/// callers pass this back in with the next <see cref="Question"/>.
/// </summary>
public sealed record ConversationContext(
    string? Topic,
    string Question,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> PassageIds);
