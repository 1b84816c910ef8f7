namespace CareerBot.Knowledge.Analysis;

/// <summary>
/// The rules of <c>synonyms.txt</c>, as written: one comma-separated group a line, the canonical
/// term first, and conditional lines (<c>make, makes -> salary before &lt;end&gt;, per, a year</c>)
/// whose members are read as the canonical term only where one of the contexts follows them.
/// '#' starts a comment. Parsing checks the file and reports mistakes with their line; the
/// <see cref="KnowledgeAnalyzer"/> turns the rules into a Lucene <c>SynonymMap</c>.
/// </summary>
public sealed class SynonymRules
{
    /// <summary>In a conditional line's contexts: the end of the text.</summary>
    public const string EndContext = "<end>";

    /// <summary>In a conditional line's contexts: a word that starts with a digit ("300k", "2026").</summary>
    public const string NumberContext = "<number>";

    private SynonymRules(IReadOnlyList<IReadOnlyList<string>> groups, IReadOnlyList<ContextSynonym> conditional)
    {
        Groups = groups;
        Conditional = conditional;
    }

    public static SynonymRules Empty { get; } = new([], []);

    /// <summary>Groups of equivalent terms, the canonical term first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>Members read as a canonical term only before one of their contexts.</summary>
    public IReadOnlyList<ContextSynonym> Conditional { get; }

    /// <summary>The rules of <paramref name="path"/>; none when the file does not exist. Problems are thrown as one <see cref="KnowledgeBaseException"/>.</summary>
    public static SynonymRules Load(string path) => File.Exists(path) ? Parse(File.ReadAllLines(path), path) : Empty;

    /// <summary>The rules of <paramref name="path"/> (none when there is no file); each problem goes to <paramref name="diagnostics"/>.</summary>
    public static SynonymRules Load(string path, KnowledgeDiagnostics diagnostics) =>
        File.Exists(path) ? Parse(File.ReadAllLines(path), path, diagnostics) : Empty;

    /// <summary>The rules, or the file's problems thrown as one <see cref="KnowledgeBaseException"/>.</summary>
    public static SynonymRules Parse(IEnumerable<string> lines, string source = "synonyms.txt")
    {
        var diagnostics = new KnowledgeDiagnostics();
        var rules = Parse(lines, source, diagnostics);
        diagnostics.ThrowIfErrors();
        return rules;
    }

    /// <summary>
    /// The rules; each problem goes to <paramref name="diagnostics"/>. Groups shadow each other when a term
    /// (as the analyzer reads it: words lower-cased, punctuation dropped) is in two of them: a term is read
    /// as one canonical form, so the later group never applies to it. A group whose every term is in one
    /// earlier group is dead as a whole and reported once. A term repeated within its group is a warning.
    /// </summary>
    public static SynonymRules Parse(IEnumerable<string> lines, string source, KnowledgeDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var groups = new List<IReadOnlyList<string>>();
        var conditional = new List<(ContextSynonym Rule, int Line)>();
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
                var key = KeyOf(member);
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

        var canonicals = groups.Select(g => KeyOf(g[0])).ToHashSet(StringComparer.Ordinal);
        foreach (var (rule, line) in conditional)
        {
            if (!canonicals.Contains(KeyOf(rule.Canonical)))
            {
                diagnostics.Error(source, line, $"'{rule.Canonical}' is not the first term of a synonym group");
            }
        }

        return new SynonymRules(groups, conditional.Select(c => c.Rule).ToArray());
    }

    /// <summary>A term's words as the analyzer reads them, joined by spaces: the key two spellings of one term share.</summary>
    private static string KeyOf(string term) => string.Join(' ', KnowledgeAnalyzer.WordsOf(term));

    /// <summary>Reads "salary before &lt;end&gt;, per, a year" after the arrow.</summary>
    private static ContextSynonym? ParseConditional(string[] members, string rest, string source, int lineNumber, KnowledgeDiagnostics diagnostics)
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

        return new ContextSynonym(members, canonical, contexts);
    }
}
