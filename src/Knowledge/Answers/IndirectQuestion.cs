using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// A question asked through the bot ("do you know how many interview rounds they usually do?", "do
/// you happen to know what the job outlook is"), asked as the question it wraps. Read as written it
/// got the help text: the classifier took "do you know" for a question about the bot (help at 0.58
/// and 0.99), although the rest names what to search for. "what do you know" and "do you know
/// anything about salaries", which wrap no question, stay as they are. A request made politely ("I would
/// be grateful if you could explain …") is the request itself: the courtesy's words, carried into the
/// next turn's search, outweighed what "which one pays more?" then asked.
/// </summary>
internal static partial class IndirectQuestion
{
    /// <summary>The question <paramref name="text"/> wraps, when it wraps one; otherwise <paramref name="text"/> itself.</summary>
    public static string Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Wrapped().Match(text);
        return match.Success ? match.Groups["question"].Value : text;
    }

    [GeneratedRegex(
        @"^\s*(?:(?:(?:do|would)\s+you\s+(?:happen\s+to\s+)?know|(?:can|could|would)\s+you\s+(?:(?:at\s+least|please|just)\s+)?tell\s+me|(?:do\s+you\s+have\s+)?any\s+idea)\s+"
        + @"(?:(?:if|whether)\s+(?<question>\S.*)|(?<question>(?:how|what|which|who|when|where|why)\s+\S.*))"
        + @"|(?:i\s+would|i'd|i\u2019d)\s+(?:be\s+(?:very\s+|most\s+|really\s+)?grateful|(?:really\s+)?appreciate\s+it)\s+if\s+you\s+(?:could|would|can)\s+(?:please\s+)?(?<question>\S.*))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Wrapped();
}
