namespace CareerBot.Knowledge.Evaluation;

/// <summary>Precision, recall and F1 of one intent under cross-validation.</summary>
public sealed record IntentScores(string Intent, int Support, double Precision, double Recall, double F1);

/// <summary>hit@1, hit@3 and mean reciprocal rank over the in-scope questions.</summary>
public sealed record RetrievalScores(int Questions, double HitAt1, double HitAt3, double Mrr);

/// <summary>Everything <c>eval</c> measures.</summary>
public sealed record EvaluationReport(
    int Utterances,
    int Folds,
    double IntentAccuracy,
    double MacroF1,
    IReadOnlyList<IntentScores> PerIntent,
    IReadOnlyList<string> ConfusionLabels,
    int[,] Confusion,
    RetrievalScores Retrieval,
    RetrievalScores Baseline,
    int OutOfScopeQuestions,
    double OutOfScopePrecision,
    double OutOfScopeRecall,
    int InScopeQuestions,
    double InScopeDeclineRate,
    IReadOnlyList<string> Misses,
    IReadOnlyList<string> IntentMisses);
