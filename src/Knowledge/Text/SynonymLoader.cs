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

    /// <summary>The file's map (empty when there is no file); each problem goes to <paramref name="diagnostics"/>.</summary>
    public static SynonymMap Load(string path, KnowledgeDiagnostics diagnostics) => FromRules(SynonymRules.Load(path, diagnostics));

    /// <summary>The map, or the file's problems thrown as one <see cref="KnowledgeBaseException"/>.</summary>
    public static SynonymMap Parse(IEnumerable<string> lines, string source = "synonyms.txt") => FromRules(SynonymRules.Parse(lines, source));

    /// <summary>The map; each problem goes to <paramref name="diagnostics"/> (see <see cref="SynonymRules.Parse(IEnumerable{string}, string, KnowledgeDiagnostics)"/>).</summary>
    public static SynonymMap Parse(IEnumerable<string> lines, string source, KnowledgeDiagnostics diagnostics) => FromRules(SynonymRules.Parse(lines, source, diagnostics));

    public static SynonymMap FromRules(SynonymRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return SynonymMap.FromGroups(rules.Groups, rules.Conditional.Select(c => new ConditionalSynonym(c.Members, c.Canonical, c.Before)));
    }
}
