using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// The sentences of a message that ask, without the ones that tell. "I'm in the 4th year of a PhD
/// … I've realised I don't want to stay in academia. … Is a PhD actually an advantage for ML
/// engineer roles?" asks the last sentence; the first ones are the asker's background, whose words
/// ("4th", "realised", "academia") no passage has, so that over the whole message no passage
/// reached the answer bar and the bot declined a question the guides answer.
/// </summary>
internal static partial class AskingPart
{
    /// <summary>
    /// The sentences of <paramref name="text"/> that ask (ending in "?" or opening with a question
    /// word) and the ones that tell, each joined; null when the message is one sentence, when none
    /// of its sentences asks or when every one does, so that there is no context to leave out.
    /// </summary>
    public static (string Asking, string Telling)? Split(string text)
    {
        if (IsOneSentence(text))
        {
            return IntroducedQuestion(text);
        }

        var sentences = Sentences(text);
        if (sentences.Count < 2)
        {
            return null;
        }

        var asks = sentences.ToLookup(Asks);
        return asks[true].Any() && asks[false].Any() ? (string.Join(' ', asks[true]), string.Join(' ', asks[false])) : null;
    }

    /// <summary>
    /// One sentence that opens with the asker's background and asks after a comma ("im web dev 5 yrs with
    /// javascript, is possible to change to ml engineer?"): the background is told as a sentence of its own
    /// would be. Declined before, naming "web" and "javascript"; with a full stop for the comma it was answered.
    /// </summary>
    private static (string Asking, string Telling)? IntroducedQuestion(string text)
    {
        if (!Introduction().IsMatch(text))
        {
            return null;
        }

        for (var comma = text.IndexOf(','); comma > 0; comma = text.IndexOf(',', comma + 1))
        {
            var asking = text[(comma + 1)..].Trim();
            if (asking.Length > 0 && Asks(asking) && QuestionOpening().IsMatch(asking) && !PointsBack().IsMatch(asking))
            {
                return (asking, text[..comma].Trim());
            }
        }

        return null;
    }

    /// <summary>
    /// A word that points back into the background: "I'm thinking of taking a gap year …, is that worth it" asks about
    /// the background itself, and the question alone quoted the industries that hire.
    /// </summary>
    [GeneratedRegex(@"\b(?:that|this|it|those|these|them)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsBack();

    /// <summary>The asker introduced at a message's start, after a greeting: "I'm", "im", "I am", "I have", "I work", "my background is".</summary>
    [GeneratedRegex(
        @"^\W*(?:(?:hi|hello|hey)\W+)?(?:i'?m|i\u2019m|i\s+am|i\s+have|i've|i\u2019ve|ive|i\s+work|i\s+worked|my\s+background\s+is)\s",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Introduction();

    /// <summary>
    /// Whether <paramref name="text"/> has no sentence end before its last words, so that splitting
    /// it would find one sentence; checked without allocating, since every weak turn asks.
    /// </summary>
    public static bool IsOneSentence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().Trim().TrimEnd(".!?").IndexOfAny(".!?\n") < 0;
    }

    /// <summary>The sentences of a message, split after ".", "!" or "?" and at line breaks, without empty ones.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0)];
    }

    /// <summary>Whether <paramref name="sentence"/> asks: it ends in "?" or opens with a question word, after "ok", "and", "so" or "but".</summary>
    public static bool Asks(string sentence) => sentence.EndsWith('?') || QuestionOpening().IsMatch(sentence);

    /// <summary>After ".", "!" or "?" (any run of them) and white space, or at a line break.</summary>
    [GeneratedRegex(@"(?<=[.!?])\s+|\s*\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    /// <summary>A question word or an auxiliary that opens a question ("what …", "is …", "can I …", "should I …").</summary>
    [GeneratedRegex(
        @"^(?:(?:so|and|but|ok(?:ay)?),?\s+)*(?:what|what's|whats|how|which|why|when|where|who|whom|whose|is|are|am|was|were|do|does|did|can|could|should|would|will|shall|may|might|must|have|has)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionOpening();
}
