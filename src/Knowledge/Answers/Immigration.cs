using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// A question about visas, work permits or immigration ("which visa should I apply for?", "i got offer from
/// company in canada for ml engineer, how i apply work permit", "what about h1b for usa", "can I switch from data
/// analyst to ML engineer title without refiling my H-1B?"). No guide says a word about them; before, the first
/// quoted the passage on standing out when applying as the closest answer, the second the eight steps into the
/// career, and the third got the help text. The reply says what the bot cannot advise on and where to ask.
/// </summary>
internal static partial class Immigration
{
    /// <summary>
    /// Whether <paramref name="text"/> names a visa, a work or residence permit, a green card or immigration.
    /// A visa only set in the scene by the asker's own status ("I'm on an H-1B, how long does it take …") is no
    /// question about it: the career question after it is answered.
    /// </summary>
    public static bool IsAskedAbout(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var mention in Mention().EnumerateMatches(text))
        {
            if (!OwnStatus().IsMatch(text.AsSpan(0, mention.Index)))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(
        @"\b(?:visas?|h-?1-?bs?|tn\s+status|green\s*cards?|blue\s+cards?|work(?:ing)?\s+(?:permits?|authori[sz]ation|rights)|residen(?:ce|cy)\s+permits?|permanent\s+residen(?:ce|cy)|citizenship|immigra(?:tion|te|ting|nts?)|emigra(?:tion|te|ting))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    /// <summary>The asker's own status just before the mention: "I'm on an", "I have a", "I hold an", "on my".</summary>
    [GeneratedRegex(
        @"\b(?:(?:i'?m|i\u2019m|i\s+am|im)\s+(?:currently\s+|still\s+)?on\s+(?:an?|my)|i\s+(?:have|hold|got)\s+(?:an?|my)|(?:while|currently)\s+on\s+(?:an?|my))\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnStatus();
}
