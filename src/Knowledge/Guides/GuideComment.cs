using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace CareerBot.Knowledge.Guides;

/// <summary>
/// The comments a guide may put under a heading. <c>&lt;!-- topics: ... --&gt;</c> is read by
/// <see cref="GuideLoader"/>; this class reads the alternate questions,
/// <code>
/// &lt;!-- alternates:
/// - Is a doctorate required?
/// - Can I get hired without graduate school?
/// --&gt;
/// </code>
/// one per line, and refuses any other comment that looks like a directive
/// (<c>&lt;!-- word: ... --&gt;</c>), so a misspelt keyword is an error rather than ignored.
/// </summary>
internal static partial class GuideComment
{
    public const string AlternatesKeyword = "alternates";

    /// <summary>At most this many alternate questions per passage.</summary>
    public const int MaxAlternates = 8;

    /// <summary>Alternate questions with the line of their comment.</summary>
    public sealed record Alternates(IReadOnlyList<string> Questions, int Line);

    /// <summary>
    /// The alternate questions of an <c>alternates</c> comment; null for a comment that is no
    /// directive. Throws for an unknown directive and for a broken alternates comment.
    /// </summary>
    /// <param name="html">The comment (not a topics comment).</param>
    /// <param name="heading">The heading the comment sits under; an alternate may not repeat it.</param>
    public static Alternates? ReadAlternates(HtmlBlock html, string heading, string filePath)
    {
        var lines = html.Lines.Lines.Take(html.Lines.Count).Select(l => l.ToString()).ToList();
        var first = html.Line + 1;
        var opening = Directive().Match(lines[0]);
        if (!opening.Success)
        {
            return null;
        }

        var keyword = opening.Groups[1].Value.Trim();
        if (!string.Equals(keyword, AlternatesKeyword, StringComparison.OrdinalIgnoreCase))
        {
            throw new KnowledgeBaseException(filePath, first, $"unknown comment '{keyword}:'; under a heading a guide has '<!-- topics: ... -->' and '<!-- alternates: ... -->'");
        }

        if (opening.Groups[2].Value.Trim().Length > 0)
        {
            throw new KnowledgeBaseException(filePath, first, "'<!-- alternates:' stands on a line of its own, followed by one '- ' line per alternate question and a closing '-->' line");
        }

        var questions = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var closed = false;
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            var lineNumber = first + i;
            if (line.Length == 0)
            {
                continue;
            }

            if (line == "-->")
            {
                // Markdown ends a comment block at the line that closes it, so nothing follows.
                closed = true;
                break;
            }

            if (line.Contains("-->", StringComparison.Ordinal))
            {
                throw new KnowledgeBaseException(filePath, lineNumber, "the closing '-->' of the alternates comment stands on a line of its own");
            }

            if (!line.StartsWith('-'))
            {
                throw new KnowledgeBaseException(filePath, lineNumber, $"an alternate question is a line starting with '- ', not '{Shorten(line)}' (is the closing '-->' missing?)");
            }

            var question = Whitespace().Replace(line[1..], " ").Trim();
            if (question.Length == 0)
            {
                throw new KnowledgeBaseException(filePath, lineNumber, "empty alternate question");
            }

            var key = Normalise(question);
            if (key == Normalise(heading))
            {
                throw new KnowledgeBaseException(filePath, lineNumber, $"alternate question '{question}' repeats the heading");
            }

            if (seen.TryGetValue(key, out var firstLine))
            {
                throw new KnowledgeBaseException(filePath, lineNumber, $"alternate question '{question}' is already on line {firstLine}");
            }

            seen[key] = lineNumber;
            questions.Add(question);
        }

        if (!closed)
        {
            throw new KnowledgeBaseException(filePath, first, "the alternates comment is not closed by a '-->' line");
        }

        if (questions.Count == 0)
        {
            throw new KnowledgeBaseException(filePath, first, "the alternates comment lists no question");
        }

        if (questions.Count > MaxAlternates)
        {
            throw new KnowledgeBaseException(filePath, first, $"{questions.Count} alternate questions; a passage has at most {MaxAlternates}");
        }

        return new Alternates(questions, first);
    }

    /// <summary>Case, punctuation and spacing do not make two questions different.</summary>
    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "...";

    /// <summary>A comment opening like a directive: <c>&lt;!-- word:</c>, the rest of the line after it.</summary>
    [GeneratedRegex(@"^\s*<!--\s*([A-Za-z][A-Za-z _-]*?)\s*:(.*)$")]
    private static partial Regex Directive();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
