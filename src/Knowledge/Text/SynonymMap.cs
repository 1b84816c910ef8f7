namespace CareerBot.Knowledge.Text;

/// <summary>
/// Groups of equivalent terms ("ml, machine learning"). Every member of a group is
/// rewritten to the group's first term, at index and query time alike, matching the
/// longest member first. Immutable once built.
/// </summary>
public sealed class SynonymMap
{
    private readonly Dictionary<string, List<(string[] Tokens, string[] Canonical)>> _byFirstToken;

    private SynonymMap(Dictionary<string, List<(string[] Tokens, string[] Canonical)>> byFirstToken, IReadOnlySet<string> tokens)
    {
        _byFirstToken = byFirstToken;
        Tokens = tokens;
    }

    public static SynonymMap Empty { get; } = new([], new HashSet<string>());

    /// <summary>Every token that occurs in any group: known words for typo correction.</summary>
    public IReadOnlySet<string> Tokens { get; }

    public static SynonymMap FromGroups(IEnumerable<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var byFirst = new Dictionary<string, List<(string[], string[])>>(StringComparer.Ordinal);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (group.Count == 0)
            {
                continue;
            }

            var canonical = Tokenizer.Tokenize(group[0]).ToArray();
            if (canonical.Length == 0)
            {
                continue;
            }

            foreach (var member in group)
            {
                var memberTokens = Tokenizer.Tokenize(member).ToArray();
                if (memberTokens.Length == 0)
                {
                    continue;
                }

                tokens.UnionWith(memberTokens);
                if (memberTokens.AsSpan().SequenceEqual(canonical))
                {
                    continue;
                }

                if (!byFirst.TryGetValue(memberTokens[0], out var list))
                {
                    list = [];
                    byFirst[memberTokens[0]] = list;
                }

                list.Add((memberTokens, canonical));
            }
        }

        foreach (var list in byFirst.Values)
        {
            list.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        }

        return new SynonymMap(byFirst, tokens);
    }

    /// <summary>Rewrites <paramref name="tokens"/> so that each synonym becomes its canonical term.</summary>
    public List<string> Apply(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var output = new List<string>(tokens.Count + 4);
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = false;
            if (_byFirstToken.TryGetValue(tokens[i], out var candidates))
            {
                foreach (var (member, canonical) in candidates)
                {
                    if (Matches(tokens, i, member))
                    {
                        output.AddRange(canonical);
                        i += member.Length;
                        matched = true;
                        break;
                    }
                }
            }

            if (!matched)
            {
                output.Add(tokens[i]);
                i++;
            }
        }

        return output;
    }

    private static bool Matches(IReadOnlyList<string> tokens, int start, string[] member)
    {
        if (start + member.Length > tokens.Count)
        {
            return false;
        }

        for (var j = 0; j < member.Length; j++)
        {
            if (!string.Equals(tokens[start + j], member[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
