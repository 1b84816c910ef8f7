namespace CareerBot.Knowledge.Text;

/// <summary>
/// Reads <c>synonyms.txt</c>: one comma-separated group a line, '#' starts a comment. A line
/// <c>make, makes -> salary before &lt;end&gt;, per, a year</c> makes conditional members: read as
/// the group's canonical term only where one of the listed contexts follows them.
/// </summary>
public static class SynonymLoader
{
    public static SynonymMap Load(string path)
    {
        if (!File.Exists(path))
        {
            return SynonymMap.Empty;
        }

        return Parse(File.ReadAllLines(path), path);
    }

    public static SynonymMap Parse(IEnumerable<string> lines, string source = "synonyms.txt")
    {
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
                conditional.Add((ParseConditional(members, line[(arrow + 2)..], source, lineNumber), lineNumber));
            }
            else if (members.Length < 2)
            {
                throw new KnowledgeBaseException(source, lineNumber, "a synonym group needs at least two comma-separated terms");
            }

            foreach (var member in members)
            {
                var key = string.Join(' ', Tokenizer.Tokenize(member));
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

        var canonicals = groups.Select(g => string.Join(' ', Tokenizer.Tokenize(g[0]))).ToHashSet(StringComparer.Ordinal);
        foreach (var (rule, line) in conditional)
        {
            if (!canonicals.Contains(string.Join(' ', Tokenizer.Tokenize(rule.Canonical))))
            {
                throw new KnowledgeBaseException(source, line, $"'{rule.Canonical}' is not the first term of a synonym group");
            }
        }

        return SynonymMap.FromGroups(groups, conditional.Select(c => c.Rule));
    }

    /// <summary>Reads "salary before &lt;end&gt;, per, a year" after the arrow.</summary>
    private static ConditionalSynonym ParseConditional(string[] members, string rest, string source, int lineNumber)
    {
        const string Before = " before ";
        var split = rest.IndexOf(Before, StringComparison.Ordinal);
        var canonical = split < 0 ? string.Empty : rest[..split].Trim();
        var contexts = split < 0 ? [] : rest[(split + Before.Length)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (members.Length == 0 || canonical.Length == 0 || contexts.Length == 0)
        {
            throw new KnowledgeBaseException(source, lineNumber, "a conditional line reads 'member, member -> canonical before context, context'");
        }

        return new ConditionalSynonym(members, canonical, contexts);
    }
}
