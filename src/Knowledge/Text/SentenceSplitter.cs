namespace CareerBot.Knowledge.Text;

/// <summary>A sentence or list item of a passage, by position, so that quotes stay exact substrings.</summary>
public readonly record struct TextUnit(int Start, int Length, bool IsListItem, bool IntroducesList)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>
/// Splits passage text (lines of paragraphs and "- " list items) into quotable units:
/// each list item is one unit; paragraphs split after '.', '!' or '?' followed by a space
/// and a capital letter, digit, quote or '$'. Abbreviations such as "e.g." and "Ph.D."
/// do not end a sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "etc.", "vs.", "ph.d.", "m.s.", "b.s.", "u.s.", "dr.", "mr.", "ms.", "approx.", "no."];

    public static List<TextUnit> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = new List<TextUnit>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            if (lineEnd > lineStart)
            {
                SplitLine(text, lineStart, lineEnd, units);
            }

            lineStart = lineEnd + 1;
        }

        // A unit ending in ':' introduces the list items that follow it.
        for (var i = 0; i < units.Count - 1; i++)
        {
            var u = units[i];
            if (!u.IsListItem && text[u.End - 1] == ':' && units[i + 1].IsListItem)
            {
                units[i] = u with { IntroducesList = true };
            }
        }

        return units;
    }

    private static void SplitLine(string text, int start, int end, List<TextUnit> units)
    {
        if (text.AsSpan(start, end - start).StartsWith("- "))
        {
            units.Add(new TextUnit(start, end - start, true, false));
            return;
        }

        var sentenceStart = start;
        for (var i = start; i < end - 1; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?') || text[i + 1] != ' ' || i + 2 >= end)
            {
                continue;
            }

            var next = text[i + 2];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '\'' or '$' or '\u201C'))
            {
                continue;
            }

            if (c == '.' && EndsWithAbbreviation(text, sentenceStart, i + 1))
            {
                continue;
            }

            units.Add(new TextUnit(sentenceStart, i + 1 - sentenceStart, false, false));
            sentenceStart = i + 2;
        }

        if (sentenceStart < end)
        {
            units.Add(new TextUnit(sentenceStart, end - sentenceStart, false, false));
        }
    }

    private static bool EndsWithAbbreviation(string text, int sentenceStart, int end)
    {
        foreach (var abbreviation in Abbreviations)
        {
            var from = end - abbreviation.Length;
            if (from >= sentenceStart
                && text.AsSpan(from, abbreviation.Length).Equals(abbreviation, StringComparison.OrdinalIgnoreCase)
                && (from == sentenceStart || !char.IsLetter(text[from - 1])))
            {
                return true;
            }
        }

        return false;
    }
}
