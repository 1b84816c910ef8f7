using CareerBot.Knowledge.Analysis;

namespace CareerBot.Knowledge.Text;

/// <summary>
/// The intent classifier's own synonym table, made from the rules of <c>synonyms.txt</c>
/// (<see cref="SynonymRules"/> reads the file for the Lucene analyzer). Searching reads synonyms
/// through the Lucene analyzer instead; this stays until the classifier does too. The overloads
/// with diagnostics are the knowledge-base check (<c>lint</c>): every problem of the file,
/// shadowing groups among them, instead of the first.
/// </summary>
public static class SynonymLoader
{
    public static SynonymMap Load(string path) => FromRules(SynonymRules.Load(path));

    /// <summary>The map, or the file's problems thrown as one <see cref="KnowledgeBaseException"/>.</summary>
    public static SynonymMap Parse(IEnumerable<string> lines, string source = "synonyms.txt")
    {
        var diagnostics = new KnowledgeDiagnostics();
        var map = Parse(lines, source, diagnostics);
        diagnostics.ThrowIfErrors();
        return map;
    }

    public static SynonymMap FromRules(SynonymRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return SynonymMap.FromGroups(rules.Groups, rules.Conditional.Select(c => new ConditionalSynonym(c.Members, c.Canonical, c.Before)));
    }

    /// <summary>The file's map (empty when there is no file); each problem goes to <paramref name="diagnostics"/>.</summary>
    public static SynonymMap Load(string path, KnowledgeDiagnostics diagnostics) =>
        File.Exists(path) ? Parse(File.ReadAllLines(path), path, diagnostics) : SynonymMap.Empty;

    /// <summary>
    /// The map; each problem goes to <paramref name="diagnostics"/>. Groups shadow each other when a term
    /// (as the analyzer reads it: words lower-cased, punctuation dropped) is in two of them: a term is read
    /// as one canonical form, so the later group never applies to it. A group whose every term is in one
    /// earlier group is dead as a whole and reported once. A term repeated within its group is a warning.
    /// </summary>
    public static SynonymMap Parse(IEnumerable<string> lines, string source, KnowledgeDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var groups = new List<IReadOnlyList<string>>();
        var conditional = new List<(ConditionalSynonym Rule, int Line)>();
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var arrow = line.IndexOf("->", StringComparison.Ordinal);
            var members = (arrow >= 0 ? line[..arrow] : line).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (arrow >= 0)
            {
                if (ParseConditional(members, line[(arrow + 2)..], source, lineNumber, diagnostics) is not { } rule)
                {
                    continue;
                }

                conditional.Add((rule, lineNumber));
            }
            else if (members.Length < 2)
            {
                diagnostics.Error(source, lineNumber, "a synonym group needs at least two comma-separated terms");
                continue;
            }

            var kept = new List<string>();
            var shadowed = new List<(string Member, int OtherLine)>();
            var inGroup = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                var key = string.Join(' ', Tokenizer.Tokenize(member));
                if (key.Length == 0)
                {
                    diagnostics.Error(source, lineNumber, $"'{member}' has no words");
                    continue;
                }

                if (!inGroup.Add(key))
                {
                    diagnostics.Warning(source, lineNumber, $"'{member}' is listed twice in this group");
                    continue;
                }

                if (owner.TryGetValue(key, out var otherLine))
                {
                    shadowed.Add((member, otherLine));
                    continue;
                }

                owner[key] = lineNumber;
                kept.Add(member);
            }

            if (shadowed.Count > 0 && kept.Count == 0 && shadowed.Select(s => s.OtherLine).Distinct().Count() == 1)
            {
                diagnostics.Error(source, lineNumber, $"every term of this group is already in the group on line {shadowed[0].OtherLine}, so the group never applies; delete it or merge the two");
            }
            else
            {
                foreach (var (member, otherLine) in shadowed)
                {
                    diagnostics.Error(source, lineNumber, $"'{member}' is already in the group on line {otherLine}; a term belongs to one group, so this one never applies to it");
                }
            }

            if (arrow < 0 && shadowed.Count == 0)
            {
                groups.Add(members);
            }
        }

        var canonicals = groups.Select(g => string.Join(' ', Tokenizer.Tokenize(g[0]))).ToHashSet(StringComparer.Ordinal);
        foreach (var (rule, line) in conditional)
        {
            if (!canonicals.Contains(string.Join(' ', Tokenizer.Tokenize(rule.Canonical))))
            {
                diagnostics.Error(source, line, $"'{rule.Canonical}' is not the first term of a synonym group");
            }
        }

        return SynonymMap.FromGroups(groups, conditional.Select(c => c.Rule));
    }

    /// <summary>Reads "salary before &lt;end&gt;, per, a year" after the arrow.</summary>
    private static ConditionalSynonym? ParseConditional(string[] members, string rest, string source, int lineNumber, KnowledgeDiagnostics diagnostics)
    {
        const string Before = " before ";
        var split = rest.IndexOf(Before, StringComparison.Ordinal);
        var canonical = split < 0 ? string.Empty : rest[..split].Trim();
        var contexts = split < 0 ? [] : rest[(split + Before.Length)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (members.Length == 0 || canonical.Length == 0 || contexts.Length == 0)
        {
            diagnostics.Error(source, lineNumber, "a conditional line reads 'member, member -> canonical before context, context'");
            return null;
        }

        return new ConditionalSynonym(members, canonical, contexts);
    }
}
