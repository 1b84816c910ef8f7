using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// Words that ask for a form of reply rather than about anything ("in a few bullet points pls",
/// "keep it short", "in simple terms"). They are no search terms: "points" alone made "how is an
/// ML engineer different from a software engineer, in a few bullet points pls" quote the one
/// sentence in which a blog "points to" job descriptions. Replies are quotes, so the form asked
/// for cannot be honoured beyond what the quote already is; the question itself is answered.
/// </summary>
internal static partial class FormatRequest
{
    /// <summary><paramref name="text"/> without its requests for a form of reply.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : Request().Replace(text, " ");
    }

    [GeneratedRegex(
        @"\b(?:(?:in|as|with|using)\s+(?:a\s+|an\s+)?(?:(?:few|couple|some|short|brief|simple|quick|\d{1,2}|two|three|four|five)\s+)*(?:bullet\s*points?|bullets|points|a\s+list|list\s+form|sentences?|(?:one|two|three)\s+sentences?|(?:a\s+)?nutshell|simple\s+(?:terms|words|english)|plain\s+(?:terms|words|english)|laym[ae]n'?s?\s+terms|(?:a\s+)?few\s+words|short|brief)"
        + @"|keep\s+it\s+(?:short|brief|simple)(?:\s+please)?|(?:a\s+)?(?:short|quick|brief)\s+answer(?:\s+please)?|briefly|tl;?\s?dr|eli5|pls|plz)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Request();
}
