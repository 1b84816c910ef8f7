using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// A message that only acknowledges the last reply: "ok", "i see", "got it", "fair enough", "whatever, fair
/// enough", "makes sense", "ok fine". After an answer "fair enough" quoted the bias-and-fairness passage,
/// "ok", "i see" and "noted" were declined as questions the guides cannot answer, "cool", "fine" and "right"
/// quoted a passage again, "got it" said goodbye and "oh ok" hello. None of them asks anything: the reply
/// says so and offers the next questions on the conversation's topic, and the thread goes on.
/// </summary>
internal static partial class Acknowledgement
{
    /// <summary>
    /// Whether <paramref name="text"/> is made only of acknowledgements, with no question mark ("ok?" and
    /// "right?" ask whether something holds). A yes or no is not one: "yes" may accept what was offered.
    /// </summary>
    public static bool Is(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxLength && !text.Contains('?', StringComparison.Ordinal) && OnlyAcknowledgements().IsMatch(text);
    }

    /// <summary>Longer than any run of acknowledgements a person types; the expression is not tried on more.</summary>
    private const int MaxLength = 80;

    [GeneratedRegex(
        @"^[\W_]*(?:(?:"
        + @"o+k+(?:ay|ey|ie|i)?|k+|alright|all\s+right|aight|right|fine|cool|true|whatever|interesting"
        + @"|got\s+(?:it|you|ya)|gotcha|understood|noted|fair(?:\s+(?:enough|point))?|(?:good|valid)\s+point"
        + @"|i\s+(?:see|understand|get\s+it|guess)|(?:that|it)\s+makes\s+sense|makes\s+sense"
        + @"|(?:that(?:'s|\u2019s|s|\s+is)|it(?:'s|\u2019s|s|\s+is))\s+(?:fair|true|fine|ok|okay|interesting|good\s+to\s+know)"
        + @"|good\s+to\s+know|oh+|ah+|hm+|well|so|then|lol|haha+"
        + @")(?:[\W_]+|$))+$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnlyAcknowledgements();
}
