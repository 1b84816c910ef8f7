namespace CareerBot.Bot.Operations;

/// <summary>
/// What the operator learns from a time window of turns and feedback (the <c>report</c> verb). Questions
/// are the turns that are not chat (greeting, thanks, goodbye, help): answered, declined or clarified
/// (the bot asked which of two topics was meant); the decline rate is declines over questions.
/// </summary>
internal sealed record OperatorReport(
    DateTimeOffset From,
    DateTimeOffset To,
    int Turns,
    int Questions,
    int Answered,
    int Declined,
    int Clarified,
    int Chat,
    double DeclineRate,
    double LatencyP50Ms,
    double LatencyP95Ms,
    IReadOnlyList<CountRow> DeclinesByReason,
    IReadOnlyList<IntentRow> ByIntent,
    IReadOnlyList<CountRow> ByChannel,
    IReadOnlyList<DayRow> ByDay,
    IReadOnlyList<CountRow> MostCitedPassages,
    VoteTotals Votes,
    IReadOnlyList<AnswerVotesRow> VotesByAnswer,
    IReadOnlyList<PassageVotesRow> VotesByPassage,
    bool TranscriptsAvailable,
    IReadOnlyList<QuestionCluster> DeclinedQuestions);

/// <summary>A name and how often it occurred.</summary>
internal sealed record CountRow(string Name, int Count);

/// <summary>One intent's questions, and how many were answered and declined.</summary>
internal sealed record IntentRow(string Intent, int Questions, int Answered, int Declined, double DeclineRate);

/// <summary>One UTC day of the window.</summary>
internal sealed record DayRow(string Day, int Questions, int Answered, int Declined, double DeclineRate, int Chat, int Helpful, int NotHelpful);

/// <summary>Votes in the window, and on how many distinct answers (votes from before answer ids were kept count in the totals only).</summary>
internal sealed record VoteTotals(int Helpful, int NotHelpful, int Answers);

/// <summary>The votes one answer got, with what it was about and what it cited.</summary>
internal sealed record AnswerVotesRow(string AnswerId, DateTimeOffset? Time, string Intent, IReadOnlyList<string> PassageIds, int Helpful, int NotHelpful);

/// <summary>
/// A passage's share of the votes on answers that cited it: a vote on an answer citing n passages
/// counts 1/n for each, so one down-vote is not charged in full to every passage it cited.
/// </summary>
internal sealed record PassageVotesRow(string PassageId, double Helpful, double NotHelpful, int Answers);

/// <summary>Declined questions that read alike: the most common wording, how many, and a few others.</summary>
internal sealed record QuestionCluster(string Question, int Count, IReadOnlyList<string> Examples);
