namespace CareerBot.Knowledge.Analysis;

/// <summary>
/// Members read as <paramref name="Canonical"/> only when one of <paramref name="Before"/> follows
/// them: words, <see cref="SynonymRules.EndContext"/> or <see cref="SynonymRules.NumberContext"/>.
/// "make" is pay in "how much do they make" and "make 300k", not in "what makes it hard".
/// </summary>
public sealed record ContextSynonym(IReadOnlyList<string> Members, string Canonical, IReadOnlyList<string> Before);
