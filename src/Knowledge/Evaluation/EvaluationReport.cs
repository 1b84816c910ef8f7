namespace CareerBot.Knowledge.Evaluation;

/// <summary>Precision, recall and F1 of one intent under cross-validation.</summary>
public sealed record IntentScores(string Intent, int Support, double Precision, double Recall, double F1);

/// <summary>How many held-out messages the classifier read right, of how many.</summary>
public sealed record HeldOutIntents(int Messages, int Right)
{
    public double Accuracy => Messages == 0 ? 0 : Right / (double)Messages;
}

/// <summary>hit@1, hit@3 and mean reciprocal rank over the in-scope questions.</summary>
public sealed record RetrievalScores(int Questions, double HitAt1, double HitAt3, double Mrr);

/// <summary>
/// Retrieval over one group of the in-scope questions (one intent, or the questions one guide
/// answers): how many, hit@1, hit@3 and the share declined.
/// </summary>
public sealed record GroupRetrieval(string Group, int Questions, double HitAt1, double HitAt3, double Declined);

/// <summary>
/// Of the answered in-scope questions labelled with facts, how many replies contain one of the
/// facts in their own text (not only in the cited passage).
/// </summary>
public sealed record AnswerShown(int Answered, int Shown)
{
    public double Rate => Answered == 0 ? 0 : Shown / (double)Answered;

    /// <summary>The answered questions whose reply text has none of their facts, each with the reply's first quote.</summary>
    public IReadOnlyList<string> Missed { get; init; } = [];
}

/// <summary>A guide whose <c>updated</c> date is older than <see cref="KnowledgeOptions.StaleGuideAge"/>.</summary>
public sealed record StaleGuide(string GuideId, DateOnly Updated);

/// <summary>Everything <c>eval</c> measures.</summary>
/// <param name="IntentAccuracy">Mean over the cross-validation's repeats.</param>
/// <param name="MacroF1">Mean over the cross-validation's repeats.</param>
/// <param name="Seeds">Each repeat's fold seed; empty when the classifier was not cross-validated.</param>
/// <param name="MacroF1ByRepeat">Each repeat's macro-F1, in the order of <paramref name="Seeds"/>.</param>
/// <param name="Confusion">Counts summed over the repeats.</param>
/// <param name="QuestionIntents">
/// The question set's questions (follow-ups left out) classified by the model trained on every
/// utterance: a figure on messages that are in no utterance file.
/// </param>
/// <param name="FollowUps">Retrieval over the follow-up questions alone (each asked after its first question).</param>
/// <param name="AnswerShown">Replies whose own text contains a labelled fact, of the answered in-scope questions that have facts.</param>
/// <param name="ByIntent">Retrieval per labelled intent of the in-scope questions.</param>
/// <param name="ByGuide">
/// Retrieval per guide that answers the question (the guide of its expected passages, or
/// "several guides" when passages of more than one guide are accepted).
/// </param>
/// <param name="StaleGuideDays">The age, in whole days, beyond which a guide is listed in <paramref name="StaleGuides"/>.</param>
public sealed record EvaluationReport(
    int Utterances,
    int Folds,
    double IntentAccuracy,
    double MacroF1,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<double> MacroF1ByRepeat,
    IReadOnlyList<IntentScores> PerIntent,
    IReadOnlyList<string> ConfusionLabels,
    int[,] Confusion,
    HeldOutIntents QuestionIntents,
    RetrievalScores Retrieval,
    RetrievalScores Baseline,
    RetrievalScores FollowUps,
    AnswerShown AnswerShown,
    int OutOfScopeQuestions,
    double OutOfScopePrecision,
    double OutOfScopeRecall,
    int InScopeQuestions,
    double InScopeDeclineRate,
    IReadOnlyList<string> Misses,
    IReadOnlyList<string> IntentMisses,
    IReadOnlyList<string> QuestionIntentMisses,
    IReadOnlyList<GroupRetrieval> ByIntent,
    IReadOnlyList<GroupRetrieval> ByGuide,
    int StaleGuideDays,
    IReadOnlyList<StaleGuide> StaleGuides);
