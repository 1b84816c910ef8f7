namespace CareerBot.Knowledge.Evaluation;

/// <summary>
/// One question of the evaluation set: the intent it should get, the passages that answer
/// it (any one counts as a hit), and for a follow-up the question asked just before.
/// </summary>
public sealed record EvaluationQuestion(string Text, string Intent, IReadOnlyList<string> Expect, string? After, int Line)
{
    public bool IsOutOfScope => Intent == "out_of_scope";
}
