namespace CareerBot.Bot.Cli;

/// <summary>What <c>ask --json</c> prints.</summary>
internal sealed record AskOutput(
    string Question,
    AskIntent Intent,
    bool Answered,
    string Text,
    IReadOnlyList<AskCitation> Citations,
    IReadOnlyList<string> Suggestions);

internal sealed record AskIntent(string Name, double Score);

internal sealed record AskCitation(string PassageId, string Source, string Section, string Quote, string Text);
