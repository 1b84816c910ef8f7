using System.Globalization;
using System.Text;
using CareerBot.Knowledge.Guides;

namespace CareerBot.Knowledge.Import;

/// <summary>
/// Writes a <see cref="GuideDraft"/> in the knowledge base's guide format: front matter, then
/// each section with a <see cref="TopicsTodo"/> comment, then the FAQ with one per question.
/// Text is escaped so Markdown reads it back as the same words.
/// </summary>
internal static class GuideMarkdownWriter
{
    public const string TopicsTodo = "<!-- topics: TODO -->";

    public static string Write(GuideDraft draft, string id, string source, DateOnly updated)
    {
        var b = new StringBuilder();
        b.Append("---\n");
        b.Append("id: ").Append(id).Append('\n');
        b.Append("title: ").Append(Yaml(draft.Title)).Append('\n');
        b.Append("source: ").Append(Yaml(source)).Append('\n');
        b.Append("updated: ").Append(updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        b.Append("summary: ").Append(Yaml(draft.Summary)).Append('\n');
        b.Append("---\n");
        foreach (var section in draft.Sections)
        {
            b.Append("\n## ").Append(Heading(section.Heading)).Append('\n').Append(TopicsTodo).Append('\n');
            Blocks(b, section.Body);
            foreach (var sub in section.Subsections)
            {
                b.Append("\n### ").Append(Heading(sub.Heading)).Append('\n');
                Blocks(b, sub.Body);
            }
        }

        if (draft.Questions.Count > 0)
        {
            b.Append("\n## ").Append(GuideLoader.FaqHeading).Append('\n');
            foreach (var question in draft.Questions)
            {
                b.Append("\n### ").Append(Heading(question.Question)).Append('\n').Append(TopicsTodo).Append('\n');
                Blocks(b, question.Answer);
            }
        }

        return b.ToString();
    }

    private static void Blocks(StringBuilder b, IReadOnlyList<SourceBlock> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i > 0)
            {
                b.Append('\n');
            }

            switch (blocks[i])
            {
                case SourceParagraph paragraph:
                    b.Append(Line(paragraph.Text)).Append('\n');
                    break;
                case SourceList list:
                    for (var n = 0; n < list.Items.Count; n++)
                    {
                        b.Append(list.Ordered ? $"{(n + 1).ToString(CultureInfo.InvariantCulture)}. " : "- ").Append(Line(list.Items[n])).Append('\n');
                    }

                    break;
                case SourceTable table:
                    Row(b, table.Header);
                    b.Append('|').Append(string.Concat(table.Header.Select(_ => " --- |"))).Append('\n');
                    foreach (var row in table.Rows)
                    {
                        Row(b, row);
                    }

                    break;
                case SourceHeading heading:
                    b.Append(Line(ImportText.LeadIn(heading.Text))).Append('\n');
                    break;
            }
        }
    }

    private static void Row(StringBuilder b, IReadOnlyList<string> cells)
    {
        b.Append('|');
        foreach (var cell in cells)
        {
            b.Append(' ').Append(Inline(cell).Replace("|", "\\|", StringComparison.Ordinal)).Append(" |");
        }

        b.Append('\n');
    }

    private static string Heading(string text)
    {
        var escaped = Inline(text);
        return escaped.EndsWith('#') ? escaped[..^1] + "\\#" : escaped;
    }

    /// <summary>Inline escapes, and a backslash before anything that would open a heading, quote or list at the start of a line.</summary>
    private static string Line(string text)
    {
        var escaped = Inline(text);
        if (escaped.Length > 0 && escaped[0] is '#' or '>' or '-' or '+' or '=' or '|')
        {
            return "\\" + escaped;
        }

        var digits = 0;
        while (digits < escaped.Length && char.IsAsciiDigit(escaped[digits]))
        {
            digits++;
        }

        return digits is > 0 and < 10 && digits < escaped.Length && escaped[digits] is '.' or ')'
            ? escaped[..digits] + "\\" + escaped[digits..]
            : escaped;
    }

    /// <summary>Backslashes, code, emphasis, link brackets and HTML are escaped; an underscore inside a word is left as it is.</summary>
    private static string Inline(string text)
    {
        var b = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c switch
            {
                '\\' or '`' or '*' or '[' or ']' or '<' => true,
                '_' => i == 0 || i == text.Length - 1 || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i + 1]),
                _ => false,
            };
            if (escape)
            {
                b.Append('\\');
            }

            b.Append(c);
        }

        return b.ToString();
    }

    /// <summary>A YAML scalar: plain when that reads back as the same string, single-quoted otherwise.</summary>
    private static string Yaml(string value)
    {
        var plain = value.Length > 0
            && "-?:,[]{}#&*!|>'\"%@`".IndexOf(value[0], StringComparison.Ordinal) < 0
            && !value.Contains(": ", StringComparison.Ordinal)
            && !value.Contains(" #", StringComparison.Ordinal)
            && !value.EndsWith(':')
            && !value.EndsWith(' ')
            && value.ToLowerInvariant() is not ("true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~")
            && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        return plain ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
