using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge;

/// <summary>"Did you mean": the known name a mistyped one is closest to, by the edit distance typo correction uses.</summary>
public static class NameSuggester
{
    /// <summary>The closest of <paramref name="known"/> within a third of the name's length (at least 1, at most 3 edits); null when none is that close.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(known);
        var reach = Math.Clamp(name.Length / 3, 1, 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = EditDistance.Bounded(name.ToLowerInvariant(), candidate.ToLowerInvariant(), reach);
            if (distance <= reach && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }
}
