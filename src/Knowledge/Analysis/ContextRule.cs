namespace CareerBot.Knowledge.Analysis;

/// <summary>One conditional member: its words, the canonical words it becomes, and the contexts it needs.</summary>
internal sealed record ContextRule(string[] Member, string[] Canonical, string[][] Contexts)
{
    public int LongestContext { get; } = Contexts.Max(c => c.Length);
}
