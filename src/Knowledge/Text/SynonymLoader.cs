using CareerBot.Knowledge.Analysis;

namespace CareerBot.Knowledge.Text;

/// <summary>
/// The intent classifier's own synonym table, made from the rules of <c>synonyms.txt</c>
/// (<see cref="SynonymRules"/> reads and checks the file). Searching reads synonyms through the
/// Lucene analyzer instead; this stays until the classifier does too.
/// </summary>
public static class SynonymLoader
{
    public static SynonymMap Load(string path) => FromRules(SynonymRules.Load(path));

    public static SynonymMap Parse(IEnumerable<string> lines, string source = "synonyms.txt") => FromRules(SynonymRules.Parse(lines, source));

    public static SynonymMap FromRules(SynonymRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return SynonymMap.FromGroups(rules.Groups, rules.Conditional.Select(c => new ConditionalSynonym(c.Members, c.Canonical, c.Before)));
    }
}
