using System.Text.RegularExpressions;
using CareerBot.Knowledge.Analysis;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// The other roles the guides name, as the synonyms list them ("research scientist, research
/// scientists", "data engineer, data engineers", "software engineer, swe, programmer, …"), and
/// which of them a text names. The analyzer reads a role as its words: "research scientist vs
/// machine learning engineer" searched for "research" and "scientist", and the data scientist
/// comparisons, which say "scientist" and "research prototypes", ranked first. A passage that
/// names other roles and none of those a comparison asks about is about the other roles: it does not
/// cover the asked roles' words, whichever of them it uses apart, nor earn the topic's boost.
/// </summary>
public sealed class RoleNames
{
    /// <summary>At most this many roles, one bit each of a positive <see cref="int"/>.</summary>
    public const int MaxRoles = 30;

    /// <summary>The role the guides are about, named nearly everywhere: never one to tell passages apart by.</summary>
    private const string Subject = "machine learning engineer";

    private readonly Regex[] _patterns;
    private readonly string[][] _stems;

    /// <summary>No roles: nothing is told apart.</summary>
    public static RoleNames None { get; } = new(SynonymRules.Empty, _ => []);

    /// <summary>
    /// The roles among <paramref name="rules"/>' groups: a name of two or more words ending in
    /// "engineer" or "scientist", other than the guides' own subject; <paramref name="analyze"/> gives
    /// each its analysed terms.
    /// </summary>
    public RoleNames(SynonymRules rules, Func<string, IReadOnlyList<string>> analyze)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(analyze);
        var roles = rules.Groups
            .Where(g => g.Count > 0 && g[0].Contains(' ', StringComparison.Ordinal) && !string.Equals(g[0], Subject, StringComparison.Ordinal)
                && (g[0].EndsWith(" engineer", StringComparison.Ordinal) || g[0].EndsWith(" scientist", StringComparison.Ordinal)))
            .Take(MaxRoles)
            .ToArray();

        // Interpreted, not compiled: they run once per passage a comparison ranks and once per
        // comparison, and compiling five at every snapshot load would lengthen the start for that.
        _patterns = [.. roles.Select(g => new Regex(
            @"\b(?:" + string.Join('|', g.OrderByDescending(m => m.Length).Select(m => Regex.Escape(m).Replace(@"\ ", @"[\s-]+", StringComparison.Ordinal))) + @")\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))];
        // The subject's own terms ("engineer") are covered everywhere and tell no role apart.
        var subject = analyze(Subject).ToHashSet(StringComparer.Ordinal);
        _stems = [.. roles.Select(g => analyze(g[0]).Where(s => !subject.Contains(s)).Distinct(StringComparer.Ordinal).ToArray())];
    }

    /// <summary>How many roles there are.</summary>
    public int Count => _patterns.Length;

    /// <summary>The roles <paramref name="text"/> names, one bit each.</summary>
    public int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var named = 0;
        for (var i = 0; i < _patterns.Length; i++)
        {
            if (_patterns[i].IsMatch(text))
            {
                named |= 1 << i;
            }
        }

        return named;
    }

    /// <summary>The analysed terms of the roles in <paramref name="roles"/>, less those of the guides' own subject.</summary>
    public IEnumerable<string> TermsOf(int roles)
    {
        for (var i = 0; i < _stems.Length; i++)
        {
            if ((roles & (1 << i)) != 0)
            {
                foreach (var stem in _stems[i])
                {
                    yield return stem;
                }
            }
        }
    }
}
