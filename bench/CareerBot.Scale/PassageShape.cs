using CareerBot.Knowledge.Intents;

namespace CareerBot.Scale;

/// <summary>
/// How one real passage is laid out, to be filled with generated words: heading length, FAQ
/// question (and its first word), nested under a section or not, topics, and its lines.
/// </summary>
internal sealed record PassageShape(
    int HeadingWords,
    bool IsQuestion,
    string? QuestionStart,
    bool IsNested,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<LineShape> Lines);
