namespace CareerBot.Knowledge.Text;

/// <summary>Reads <c>synonyms.txt</c>: one comma-separated group a line, '#' starts a comment.</summary>
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

            var members = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (members.Length < 2)
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

            groups.Add(members);
        }

        return SynonymMap.FromGroups(groups);
    }
}
