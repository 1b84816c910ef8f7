using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// The questions of a message that numbers them ("Couple of questions: 1) do I need a PhD …, 2) how
/// long does it take …, 3) is the job market saturated …, and 4) is remote work common?"). Read as
/// one question, such a message got one answer, to the third, and the other three were dropped
/// without a word. Each is a question of its own; the bot answers the first and offers the others.
/// </summary>
internal static partial class EnumeratedQuestions
{
    /// <summary>
    /// The numbered questions of <paramref name="text"/>, in order, when it numbers at least two from
    /// 1 ("1)", "2.", "(3)") and each is two words or more of plain text; otherwise null. An item
    /// with markup, a link or a mention is not offered back as a button, so such a message is read whole.
    /// </summary>
    public static IReadOnlyList<string>? Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Marker().Count(text) < 2)
        {
            return null; // most messages number nothing: counted without allocating
        }

        var markers = Marker().Matches(text);

        var items = new List<string>(markers.Count);
        for (var i = 0; i < markers.Count; i++)
        {
            if (markers[i].Groups["n"].ValueSpan[0] - '0' != i + 1)
            {
                return null;
            }

            var start = markers[i].Index + markers[i].Length;
            var end = i + 1 < markers.Count ? markers[i + 1].Index : text.Length;
            var item = Trailing().Replace(text[start..end].Trim(), string.Empty);
            if (!Plain().IsMatch(item) || Analysis.KnowledgeAnalyzer.WordsOf(item).Count < 2)
            {
                return null;
            }

            items.Add(item);
        }

        return items;
    }

    /// <summary>"1)", "2.", "(3)" after the start, a space or a colon, before a space.</summary>
    [GeneratedRegex(@"(?<=^|[\s:,;])\(?(?<n>[1-9])[).](?=\s)", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    /// <summary>What joins an item to the next: a comma or semicolon, and "and" or "or".</summary>
    [GeneratedRegex(@"[\s,;]*(?:\b(?:and|or)\s*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Trailing();

    /// <summary>Letters, digits, spaces and plain punctuation only.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}\s?!.,'\u2019\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();
}
