using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// A request for what a term means ("what do you mean by production experience", "what does MLOps
/// mean?"), asked as the plain question "what is …". Read as written it got the help text: the
/// classifier took "what do you mean" for a question about the bot (help at 0.99), and its words
/// named nothing to search for. "what is production experience" finds the passage on gaining it.
/// </summary>
internal static partial class MeaningRequest
{
    /// <summary><paramref name="text"/> as "what is …" when it asks what a term means; otherwise itself.</summary>
    public static string Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Request().Match(text);
        return match.Success ? "what is " + match.Groups["term"].Value.Trim() : text;
    }

    [GeneratedRegex(
        @"^\s*(?:what\s+do\s+you\s+mean\s+by\s+|what\s+is\s+meant\s+by\s+|what\s+does\s+(?=.+\s+mean\s*\??\s*$))(?<term>.+?)(?:\s+mean)?\s*\??\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Request();
}
