namespace CareerBot.Bot.Operations;

/// <summary>What the operator learns from a time window of turns and feedback (the <c>report</c> verb).</summary>
internal sealed record OperatorReport(
    DateTimeOffset From,
    DateTimeOffset To,
    int Turns,
    int Declined,
    double DeclineRate,
    double LatencyP50Ms,
    double LatencyP95Ms,
    IReadOnlyList<CountRow> ByChannel,
    IReadOnlyList<CountRow> ByIntent,
    IReadOnlyList<CountRow> MostCitedPassages,
    IReadOnlyList<FeedbackRow> WorstFeedback,
    bool TranscriptsAvailable,
    IReadOnlyList<QuestionCluster> DeclinedQuestions);

/// <summary>A name and how often it occurred.</summary>
internal sealed record CountRow(string Name, int Count);

/// <summary>A passage's votes: helpful and not.</summary>
internal sealed record FeedbackRow(string PassageId, int Helpful, int NotHelpful);

/// <summary>Declined questions that read alike: the most common wording, how many, and a few others.</summary>
internal sealed record QuestionCluster(string Question, int Count, IReadOnlyList<string> Examples);
