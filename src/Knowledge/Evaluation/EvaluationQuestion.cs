namespace CareerBot.Knowledge.Evaluation;

/// <summary>
/// One question of the evaluation set: the intent it should get, the passages that answer
/// it (any one counts as a hit), and for a follow-up the question asked just before.
/// </summary>
/// <param name="Facts">
/// Short exact phrases of the expected passages (a figure, a named item), any one of which in
/// the reply text shows that the reply itself answers the question; empty when not labelled.
/// </param>
public sealed record EvaluationQuestion(string Text, string Intent, IReadOnlyList<string> Expect, string? After, int Line, IReadOnlyList<string> Facts)
{
    public bool IsOutOfScope => Intent == "out_of_scope";
}
