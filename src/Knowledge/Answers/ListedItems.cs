using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// The items of the first list a reply quoted, in order, for a follow-up that points to one of
/// them ("tell me more about the second one"): its Markdown list lines, or else a sentence that
/// lists them after a colon ("…: data quality, debugging and reproducibility, bias and fairness,
/// and the pace of change.").
/// </summary>
internal static partial class ListedItems
{
    /// <summary>Fewer items than this after a colon are a clause, not a list.</summary>
    private const int LeastInlineItems = 3;

    public static IReadOnlyList<string> Of(IEnumerable<string> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        foreach (var quote in quotes)
        {
            if (Of(quote) is { Count: > 0 } items)
            {
                return items;
            }
        }

        return [];
    }

    public static IReadOnlyList<string> Of(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var lines = quote.Split('\n');
        var items = new List<string>();
        foreach (var line in lines)
        {
            var match = ListLine().Match(line);
            if (match.Success)
            {
                items.Add(match.Groups["item"].Value.Trim());
            }
            else if (items.Count > 0)
            {
                break;
            }
        }

        if (items.Count > 0)
        {
            return items;
        }

        foreach (var line in lines)
        {
            foreach (Match sentence in ColonSentence().Matches(line))
            {
                var parts = sentence.Groups["list"].Value.Split([", ", "; "], StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => AndOr().Replace(p.Trim(), string.Empty))
                    .Where(p => p.Length > 0)
                    .ToList();
                if (parts.Count >= LeastInlineItems)
                {
                    return parts;
                }
            }
        }

        return [];
    }

    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,2}[.)])\s+(?<item>\S.*)$")]
    private static partial Regex ListLine();

    /// <summary>What follows a colon up to the end of its sentence.</summary>
    [GeneratedRegex(@":\s+(?<list>[^:.!?]+)[.!?]?")]
    private static partial Regex ColonSentence();

    [GeneratedRegex(@"^(?:and|or)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndOr();
}
