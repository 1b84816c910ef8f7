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

    /// <summary>The rules of <paramref name="path"/>; none when the file does not exist.</summary>
    public static SynonymRules Load(string path) => File.Exists(path) ? Parse(File.ReadAllLines(path), path) : Empty;

    public static SynonymRules Parse(IEnumerable<string> lines, string source = "synonyms.txt")
    {
        ArgumentNullException.ThrowIfNull(lines);
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
                conditional.Add((ParseConditional(members, line[(arrow + 2)..], source, lineNumber), lineNumber));
            }
            else if (members.Length < 2)
            {
                throw new KnowledgeBaseException(source, lineNumber, "a synonym group needs at least two comma-separated terms");
            }

            foreach (var member in members)
            {
                var key = KeyOf(member);
                if (key.Length == 0)
                {
                    throw new KnowledgeBaseException(source, lineNumber, $"'{member}' has no words");
                }

                if (owner.TryGetValue(key, out var otherLine) && otherLine != lineNumber)
                {
                    throw new KnowledgeBaseException(source, lineNumber, $"'{member}' is already in the group on line {otherLine}");
                }

                owner[key] = lineNumber;
            }

            if (arrow < 0)
            {
                groups.Add(members);
            }
        }

        var canonicals = groups.Select(g => KeyOf(g[0])).ToHashSet(StringComparer.Ordinal);
        foreach (var (rule, line) in conditional)
        {
            if (!canonicals.Contains(KeyOf(rule.Canonical)))
            {
                throw new KnowledgeBaseException(source, line, $"'{rule.Canonical}' is not the first term of a synonym group");
            }
        }

        return new SynonymRules(groups, conditional.Select(c => c.Rule).ToArray());
    }

    /// <summary>A term's words as the analyzer reads them, joined by spaces: the key two spellings of one term share.</summary>
    private static string KeyOf(string term) => string.Join(' ', KnowledgeAnalyzer.WordsOf(term));

    /// <summary>Reads "salary before &lt;end&gt;, per, a year" after the arrow.</summary>
    private static ContextSynonym ParseConditional(string[] members, string rest, string source, int lineNumber)
    {
        const string Before = " before ";
        var split = rest.IndexOf(Before, StringComparison.Ordinal);
        var canonical = split < 0 ? string.Empty : rest[..split].Trim();
        var contexts = split < 0 ? [] : rest[(split + Before.Length)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (members.Length == 0 || canonical.Length == 0 || contexts.Length == 0)
        {
            throw new KnowledgeBaseException(source, lineNumber, "a conditional line reads 'member, member -> canonical before context, context'");
        }

        return new ContextSynonym(members, canonical, contexts);
    }
}
