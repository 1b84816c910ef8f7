using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// A message that asks the bot to make something ("write me a cover letter ...", "translate thank
/// you into French") rather than asks about the career. The bot only quotes its guides, so such a
/// request is declined, unless the classifier is sure of a topic ("write down the steps to become an
/// ML engineer" is a question on getting started in other words).
/// </summary>
public static partial class TaskRequest
{
    /// <summary>From this probability of a topic, a request to make something is read as a question on it.</summary>
    public const double SureTopic = 0.5;

    /// <summary>
    /// Whether the message opens with a request to write, translate or rewrite something, after a
    /// greeting or "also" and with "can u", "could you also" or "please" before it ("can u write me a
    /// cover letter", "Could you also translate this into French"). No allocation: every turn asks.
    /// </summary>
    public static bool AsksToMakeSomething(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MakeRequest().IsMatch(text);
    }

    /// <summary>
    /// Whether the message asks the bot to write one of the asker's own papers ("Then at least write my
    /// CV for a junior ML engineer position. I have a BSc in maths and one internship.", "draft me a
    /// cover letter for an ML job"). Declined whatever the topic and in any turn: the classifier read
    /// that CV request as a question on education at 0.79, after a declined request to write code, and
    /// the reply quoted eight steps to the job as if they were the CV. A job posting an employer asks for is
    /// declined the same way: "can you write me a job posting for a senior MLE" (job market at 0.75) quoted
    /// the passage on career opportunities. "how should I write my CV" asks the guides, not the bot, and is
    /// no such request.
    /// </summary>
    public static bool AsksToWriteTheirs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return OwnPaper().IsMatch(text);
    }

    /// <summary>
    /// Whether the message asks the bot to make something up ("can you make up a certificate from
    /// Stanford I can attach", "fake me a reference letter"). Declined whatever the topic: the
    /// classifier reads it as a question on certifications at 0.97, and the passage on them, quoted
    /// in reply, would read as help with it. "how can I make up for not having a degree" asks nothing made.
    /// </summary>
    public static bool AsksToFabricate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Fabrication().IsMatch(text);
    }

    /// <summary>
    /// Whether the message asks the bot to read and judge something of the asker's ("can you review my
    /// resume if I paste it here?", "could you look over my portfolio"). The bot cannot; what the guides
    /// say about résumés still helps, so the answer says so above the quote rather than leaving the asker
    /// to paste it. "how should I improve my resume" asks the guides, not the bot, and is no such request.
    /// </summary>
    public static bool AsksForReview(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Review().IsMatch(text);
    }

    [GeneratedRegex(
        @"(?:^\s*(?:please\s+)?|\b(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:quickly\s+)?)(?:review|critique|proofread|check|rate|grade|edit|improve|read|look\s+(?:at|over)|go\s+(?:over|through))\s+(?:over\s+)?(?:my|this|our|a)\s+(?:resume|r\u00e9sum\u00e9|cv|cover\s+letter|portfolio|linkedin|github|code|projects?|profile|application)\b"
        + @"|\b(?:if|when|can|could|may)\s+i\s+(?:paste|send|upload|share|attach)\s+(?:you\b|(?:it|this|my\s+\w+(?:\s+\w+)?)\s+(?:here|to\s+you|with\s+you)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Review();

    /// <summary>
    /// How a request opens before its verb: a greeting, "also" or "then", "can u", "could you also",
    /// "please", "at least" ("hi! could you quickly draft my bio", "Then at least write my CV").
    /// </summary>
    private const string RequestOpening =
        @"^\s*(?:(?:hi|hey|hello|ok|okay|so|also|and|then|fine|well|alright|btw|oh|quick\s+one|unrelated(?:\s+question)?,?\s+but|on\s+another\s+note)\b[,.!]?\s+)*(?:(?:can|could|would|will)\s+(?:you|u)\s+|please\s+|pls\s+)?(?:(?:please|pls|also|quickly|just|maybe|then|at\s+least)\s+)*(?:help\s+me\s+)?";

    [GeneratedRegex(
        RequestOpening + @"(?:write|draft|translate|proofread|rewrite|compose)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MakeRequest();

    [GeneratedRegex(
        RequestOpening + @"(?:write|draft|rewrite|compose)\s+(?:me\s+|for\s+me\s+)?(?:my|a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:cv|resume|r\u00e9sum\u00e9|cover\s+letter|motivation\s+letter|personal\s+statement|statement\s+of\s+purpose|linkedin\s+(?:summary|profile|headline)|bio|job\s+(?:postings?|posts?|ads?|adverts?|advertisements?|descriptions?|listings?|specs?)|jds?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnPaper();

    [GeneratedRegex(
        @"(?:^\s*|\b(?:can|could|would|will)\s+(?:you|u)\s+|\bhelp\s+me\s+)(?:please\s+)?(?:help\s+me\s+)?(?:make\s+up|fake|forge|falsify|fabricate)\s+(?:me\s+)?(?:a|an|some|my|the)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Fabrication();
}
