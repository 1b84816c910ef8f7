using System.Text;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// One place per syntax for making text inert: what users or guides write is shown as
/// text, never as links, mentions, emphasis or HTML.
/// </summary>
internal static class Escaping
{
    private static readonly System.Buffers.SearchValues<char> MarkdownSpecials = System.Buffers.SearchValues.Create("\\`*_{}[]()<>#+!|~");

    /// <summary>CommonMark: backslash-escape punctuation that could start markup; keeps "- " list items as lists.</summary>
    public static string Markdown(string text) => EscapeMarkdown(text, keepMarkers: false);

    /// <summary>Markdown-escaped, except the answer's own "[n]" citation markers (one or two digits).</summary>
    public static string MarkdownKeepingMarkers(string text) => EscapeMarkdown(text, keepMarkers: true);

    /// <summary>
    /// Counts the escapes first, then writes the result once: no builder, no second copy. Both passes
    /// jump from one special character to the next with a vectorised search, since most of a passage
    /// has none (this runs over every passage an answer cites, on every answer).
    /// </summary>
    private static string EscapeMarkdown(string text, bool keepMarkers)
    {
        var escapes = 0;
        var span = text.AsSpan();
        for (var i = NextSpecial(span, 0); i < span.Length; i = NextSpecial(span, i + 1))
        {
            if (keepMarkers && MarkerLength(text, i) is var marker and > 0)
            {
                i += marker - 1;
            }
            else
            {
                escapes++;
            }
        }

        if (escapes == 0)
        {
            return text;
        }

        return string.Create(text.Length + escapes, (text, keepMarkers), static (output, state) =>
        {
            var (text, keepMarkers) = state;
            var span = text.AsSpan();
            var o = 0;
            var copied = 0;
            for (var i = NextSpecial(span, 0); i < span.Length; i = NextSpecial(span, i + 1))
            {
                span[copied..i].CopyTo(output[o..]);
                o += i - copied;
                if (keepMarkers && MarkerLength(text, i) is var marker and > 0)
                {
                    span.Slice(i, marker).CopyTo(output[o..]);
                    o += marker;
                    i += marker - 1;
                    copied = i + 1;
                    continue;
                }

                output[o++] = '\\';
                output[o++] = span[i];
                copied = i + 1;
            }

            span[copied..].CopyTo(output[o..]);
        });
    }

    /// <summary>The index of the first Markdown special character at or after <paramref name="from"/>; the length when there is none.</summary>
    private static int NextSpecial(ReadOnlySpan<char> text, int from)
    {
        var found = from < text.Length ? text[from..].IndexOfAny(MarkdownSpecials) : -1;
        return found < 0 ? text.Length : from + found;
    }

    /// <summary>Length of a "[n]" or "[nn]" citation marker starting at <paramref name="i"/>, else 0.</summary>
    private static int MarkerLength(string text, int i)
    {
        if (text[i] != '[')
        {
            return 0;
        }

        var digits = 0;
        while (i + 1 + digits < text.Length && char.IsDigit(text[i + 1 + digits]) && digits < 3)
        {
            digits++;
        }

        return digits is 1 or 2 && i + 1 + digits < text.Length && text[i + 1 + digits] == ']' ? digits + 2 : 0;
    }

    /// <summary>
    /// Microsoft Teams message text. Teams renders a subset of Markdown and HTML but does not undo
    /// CommonMark backslash escapes (a welcome read "Hello\!") and joins the text's own line breaks
    /// into one paragraph. So nothing here is backslash-escaped: the characters Markdown or HTML would
    /// read (&amp; &lt; &gt; and the emphasis, code, link, heading and table marks) are written as
    /// HTML character references, which both Teams and CommonMark show as the character itself;
    /// line breaks become &lt;br&gt; (two between paragraphs) and "- " items "•" lines. The answer's
    /// own "[n]" citation markers are kept, Teams links them to its citations.
    /// </summary>
    public static string Teams(string text)
    {
        var builder = new StringBuilder(text.Length + 32);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var pendingBreaks = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                pendingBreaks = 2;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append("<br>");
                if (pendingBreaks == 2)
                {
                    builder.Append("<br>");
                }
            }

            pendingBreaks = 1;
            var start = 0;
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                builder.Append("\u2022 ");
                start = 2;
            }

            for (var i = start; i < line.Length; i++)
            {
                if (MarkerLength(line, i) is var marker and > 0)
                {
                    builder.Append(line, i, marker);
                    i += marker - 1;
                    continue;
                }

                var c = line[i];
                switch (c)
                {
                    case '&' or '<' or '>':
                        AppendMarkupEntity(builder, c);
                        break;
                    case '\\' or '`' or '*' or '_' or '~' or '[' or ']' or '#' or '|':
                        builder.Append("&#").Append((int)c).Append(';');
                        break;
                    default:
                        builder.Append(c);
                        break;
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>&amp;, &lt; or &gt; as the entity both Teams text and Slack mrkdwn read as the character itself.</summary>
    private static void AppendMarkupEntity(StringBuilder builder, char c) => builder.Append(c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        _ => "&gt;",
    });

    /// <summary>Slack mrkdwn: only &amp;, &lt; and &gt; are control characters; emphasis marks are neutralised too.</summary>
    public static string Slack(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&' or '<' or '>':
                    AppendMarkupEntity(builder, c);
                    break;
                case '*' or '_' or '~' or '`':
                    builder.Append(c).Append('\u200B'); // a zero-width space stops emphasis from pairing
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Cuts at a word boundary and adds an ellipsis so the result has at most <paramref name="max"/> characters.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', Math.Max(0, max - 1));
        var head = cut > max / 2 ? text[..cut] : text[..(max - 1)];
        return head.TrimEnd(' ', ',', ';', ':', '.') + "\u2026";
    }
}
