namespace CareerBot.Knowledge.Answers;

/// <summary>
/// The items of the first list a reply quoted, in order, for a follow-up that points to one of
/// them ("tell me more about the second one"): its Markdown list lines, or else a sentence that
/// lists them after a colon ("…: data quality, debugging and reproducibility, bias and fairness,
/// and the pace of change."). Runs on every answer, so it scans the quotes in place and allocates
/// only the items it finds.
/// </summary>
internal static class ListedItems
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
        List<string>? items = null;
        foreach (var line in quote.AsSpan().EnumerateLines())
        {
            if (ItemOf(line) is { IsEmpty: false } item)
            {
                (items ??= []).Add(item.ToString());
            }
            else if (items is not null)
            {
                break;
            }
        }

        if (items is not null)
        {
            return items;
        }

        foreach (var line in quote.AsSpan().EnumerateLines())
        {
            for (var colon = line.IndexOf(": "); colon >= 0; colon = NextColon(line, colon))
            {
                var list = line[(colon + 2)..];
                var end = list.IndexOfAny(".!?:");
                list = end < 0 ? list : list[..end];
                if (InlineItems(list) is { } inline)
                {
                    return inline;
                }
            }
        }

        return [];
    }

    /// <summary>The text of a Markdown list line ("- item", "* item", "2. item", "3) item"); empty for any other line.</summary>
    private static ReadOnlySpan<char> ItemOf(ReadOnlySpan<char> line)
    {
        line = line.TrimStart();
        var marker = line.Length > 0 && line[0] is '-' or '*' or '+' ? 1 : 0;
        if (marker == 0)
        {
            var digits = 0;
            while (digits < line.Length && digits < 3 && char.IsAsciiDigit(line[digits]))
            {
                digits++;
            }

            marker = digits is > 0 and < 3 && digits < line.Length && line[digits] is '.' or ')' ? digits + 1 : 0;
        }

        return marker > 0 && marker < line.Length && char.IsWhiteSpace(line[marker]) ? line[marker..].Trim() : [];
    }

    private static int NextColon(ReadOnlySpan<char> line, int colon)
    {
        var next = line[(colon + 2)..].IndexOf(": ");
        return next < 0 ? -1 : colon + 2 + next;
    }

    /// <summary>Whether the part after the last separator opens with "and" or "or" (a serial comma).</summary>
    private static bool LastStartsWithConjunction(ReadOnlySpan<char> list)
    {
        var cut = Math.Max(list.LastIndexOf(", "), list.LastIndexOf("; "));
        var tail = (cut < 0 ? list : list[(cut + 2)..]).TrimStart();
        return tail.StartsWith("and ", StringComparison.OrdinalIgnoreCase) || tail.StartsWith("or ", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"a, b, and c" split into its items, with the last one's "and" or "or" dropped; null when fewer than three.</summary>
    private static List<string>? InlineItems(ReadOnlySpan<char> list)
    {
        var separators = 0;
        for (var at = 0; at < list.Length - 1; at++)
        {
            if (list[at] is ',' or ';' && list[at + 1] == ' ')
            {
                separators++;
            }
        }

        if (separators + 1 < LeastInlineItems)
        {
            return null;
        }

        var items = new List<string>(separators + 1);
        var start = 0;
        for (var at = 0; at <= list.Length; at++)
        {
            if (at < list.Length && !(list[at] is ',' or ';' && at + 1 < list.Length && list[at + 1] == ' '))
            {
                continue;
            }

            var part = list[start..at].Trim();
            start = at + 1;
            foreach (var conjunction in (ReadOnlySpan<string>)["and ", "or "])
            {
                if (part.StartsWith(conjunction, StringComparison.OrdinalIgnoreCase))
                {
                    part = part[conjunction.Length..].TrimStart();
                }
            }

            if (!part.IsEmpty)
            {
                items.Add(part.ToString());
            }
        }

        // Without a comma before the last "and" ("communication and problem solving"), that "and"
        // joins the last two items.
        var last = items.Count - 1;
        var serialComma = LastStartsWithConjunction(list);
        var joined = serialComma ? -1 : items[last].LastIndexOf(" and ", StringComparison.Ordinal);
        if (joined > 0)
        {
            items.Add(items[last][(joined + 5)..].Trim());
            items[last] = items[last][..joined].Trim();
        }

        return items.Count >= LeastInlineItems ? items : null;
    }
}
