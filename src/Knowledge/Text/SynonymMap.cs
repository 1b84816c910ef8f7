namespace CareerBot.Knowledge.Text;

/// <summary>
/// Groups of equivalent terms ("ml, machine learning"). Every member of a group is
/// rewritten to the group's first term, at index and query time alike, matching the
/// longest member first. A conditional member ("make" for salary) is rewritten only where
/// one of its contexts follows it. Immutable once built.
/// </summary>
public sealed class SynonymMap
{
    /// <summary>In a conditional member's contexts: the end of the text.</summary>
    public const string EndContext = "<end>";

    /// <summary>In a conditional member's contexts: a word that starts with a digit ("300k", "2026").</summary>
    public const string NumberContext = "<number>";

    private readonly Dictionary<string, List<Member>> _byFirstToken;

    private SynonymMap(Dictionary<string, List<Member>> byFirstToken, IReadOnlySet<string> tokens)
    {
        _byFirstToken = byFirstToken;
        Tokens = tokens;
    }

    public static SynonymMap Empty { get; } = new([], new HashSet<string>());

    /// <summary>Every token that occurs in any group: known words for typo correction.</summary>
    public IReadOnlySet<string> Tokens { get; }

    public static SynonymMap FromGroups(IEnumerable<IReadOnlyList<string>> groups) => FromGroups(groups, []);

    /// <param name="groups">Groups of equivalent terms, the canonical term first.</param>
    /// <param name="conditional">Members read as a canonical term only before one of their contexts.</param>
    public static SynonymMap FromGroups(IEnumerable<IReadOnlyList<string>> groups, IEnumerable<ConditionalSynonym> conditional)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(conditional);
        var byFirst = new Dictionary<string, List<Member>>(StringComparer.Ordinal);
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

                AddMember(byFirst, new Member(memberTokens, canonical, null));
            }
        }

        foreach (var rule in conditional)
        {
            var canonical = Tokenizer.Tokenize(rule.Canonical).ToArray();
            var contexts = rule.Before
                .Select(c => c is EndContext or NumberContext ? [c] : Tokenizer.Tokenize(c).ToArray())
                .Where(c => c.Length > 0)
                .ToArray();
            foreach (var member in rule.Members)
            {
                var memberTokens = Tokenizer.Tokenize(member).ToArray();
                if (memberTokens.Length > 0 && canonical.Length > 0 && contexts.Length > 0)
                {
                    tokens.UnionWith(memberTokens);
                    AddMember(byFirst, new Member(memberTokens, canonical, contexts));
                }
            }
        }

        // Longest first; of equal length, the unconditional member first.
        foreach (var list in byFirst.Values)
        {
            list.Sort((a, b) => a.Tokens.Length != b.Tokens.Length
                ? b.Tokens.Length.CompareTo(a.Tokens.Length)
                : (a.Before is null ? 0 : 1).CompareTo(b.Before is null ? 0 : 1));
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
                foreach (var member in candidates)
                {
                    if (Matches(tokens, i, member.Tokens) && (member.Before is null || Precedes(tokens, i + member.Tokens.Length, member.Before)))
                    {
                        output.AddRange(member.Canonical);
                        i += member.Tokens.Length;
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

    private static void AddMember(Dictionary<string, List<Member>> byFirst, Member member)
    {
        if (!byFirst.TryGetValue(member.Tokens[0], out var list))
        {
            list = [];
            byFirst[member.Tokens[0]] = list;
        }

        list.Add(member);
    }

    /// <summary>Whether one of <paramref name="contexts"/> starts at <paramref name="start"/>.</summary>
    private static bool Precedes(IReadOnlyList<string> tokens, int start, string[][] contexts)
    {
        foreach (var context in contexts)
        {
            var found = context[0] switch
            {
                EndContext => start == tokens.Count,
                NumberContext => start < tokens.Count && char.IsAsciiDigit(tokens[start][0]),
                _ => Matches(tokens, start, context),
            };
            if (found)
            {
                return true;
            }
        }

        return false;
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

    /// <summary>A member's words, the canonical words it is read as, and the contexts it needs (null: none).</summary>
    private sealed record Member(string[] Tokens, string[] Canonical, string[][]? Before);
}

/// <summary>
/// Members read as <paramref name="Canonical"/> only when one of <paramref name="Before"/> follows
/// them: words, <see cref="SynonymMap.EndContext"/> or <see cref="SynonymMap.NumberContext"/>.
/// "make" is pay in "how much do they make" and "make 300k", not in "what makes it hard".
/// </summary>
public sealed record ConditionalSynonym(IReadOnlyList<string> Members, string Canonical, IReadOnlyList<string> Before);
