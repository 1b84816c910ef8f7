namespace CareerBot.Knowledge.Answers;

/// <summary>
/// A source behind an answer: the passage, where it sits, and the exact sentences quoted
/// from it (<see cref="Quote"/> is a substring of <see cref="PassageText"/>).
/// </summary>
public sealed record Citation(
    int Number,
    string PassageId,
    string GuideTitle,
    string Source,
    string SectionPath,
    string Quote,
    string PassageText,
    DateOnly Updated);
