using System.Text;

namespace CareerBot.Bot.Rendering;

/// <summary>
/// One place per syntax for making text inert: what users or guides write is shown as
/// text, never as links, mentions, emphasis or HTML.
/// </summary>
internal static partial class Escaping
{
    private const string MarkdownSpecials = "\\`*_{}[]()<>#+!|~";

    /// <summary>CommonMark: backslash-escape punctuation that could start markup; keeps "- " list items as lists.</summary>
    public static string Markdown(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (MarkdownSpecials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Markdown-escaped, except the answer's own "[n]" citation markers.</summary>
    public static string MarkdownKeepingMarkers(string text) => EscapedMarker().Replace(Markdown(text), "[$1]");

    [System.Text.RegularExpressions.GeneratedRegex(@"\\\[(\d{1,2})\\\]")]
    private static partial System.Text.RegularExpressions.Regex EscapedMarker();

    /// <summary>Slack mrkdwn: only &amp;, &lt; and &gt; are control characters; emphasis marks are neutralised too.</summary>
    public static string Slack(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
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
