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

    /// <summary>
    /// Whether the whole message asks for the previous answer said shorter ("can you say that
    /// shorter", "tl;dr?", "too long", "Can you say that shorter, like 3 bullet points I can stick on
    /// my fridge", "Can you give me the gist in one sentence I can put on a handout?"). Newcomers asked
    /// it; the bot declined them, naming "shorter", "gist" and "handout". A question that
    /// only asks for its own answer short ("tl;dr is mle a good bet right now") is no such request.
    /// </summary>
    public static bool AsksShorter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Shorter().IsMatch(text);
    }

    [GeneratedRegex(
        @"^\s*(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?|please\s+|pls\s+)?"
        + @"(?:(?:say|put|make|write|explain|sum)\s+(?:that|it|this)(?:\s+(?:answer|again|up))?\s+(?:shorter|briefer|simpler|more\s+(?:briefly|concisely|simply)|briefly|concisely|short|in\s+(?:short|brief|fewer\s+words|one\s+sentence|a\s+(?:sentence|nutshell|few\s+words)))"
        + @"|(?:give\s+me\s+|what'?s\s+|what\s+is\s+)?(?:the\s+|a\s+)?gist(?:\s+of\s+(?:it|that|this))?"
        + @"|shorten\s+(?:that|it|this)|summari[sz]e\s+(?:that|it|this)|(?:give\s+me\s+)?(?:the\s+|a\s+)?(?:short|shorter|tl;?\s?dr)\s+version|too\s+long(?:\s*,?\s*didn'?t\s+read)?|tl;?\s?dr|shorter)"
        + @"(?:\s*[,;:-]?\s*(?:like|in|as|with|please|pls|plz|thanks|thx|maybe)\b.*)?[\s.!?]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Shorter();

    [GeneratedRegex(
        @"\b(?:(?:in|as|with|using)\s+(?:a\s+|an\s+)?(?:(?:few|couple|some|short|brief|simple|quick|\d{1,2}|two|three|four|five)\s+)*(?:bullet\s*points?|bullets|points|a\s+list|list\s+form|sentences?|(?:one|two|three)\s+sentences?|(?:a\s+)?nutshell|simple\s+(?:terms|words|english)|plain\s+(?:terms|words|english)|laym[ae]n'?s?\s+terms|(?:a\s+)?few\s+words|short|brief)"
        + @"|keep\s+it\s+(?:short|brief|simple)(?:\s+please)?|(?:a\s+)?(?:short|quick|brief)\s+answer(?:\s+please)?|briefly|tl;?\s?dr|eli5|pls|plz)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Request();
}
