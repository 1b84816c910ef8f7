using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// A message that says the previous answer did not help: "that was useless, it's just generic advice I
/// could find anywhere. give me something concrete", "still vague", "that didn't answer my question",
/// "thats useless. ONE number" (written without its apostrophe, it was read as thanks: "You're welcome!"),
/// "are you just dumber than chatgpt or what" (declined naming "dumber").
/// It was declined as a question the guides cannot answer, a reply that reads as if nothing had been
/// said. The reply owns the limit (the guides speak in general) and offers narrower questions on the
/// conversation's topic.
/// </summary>
internal static partial class Complaint
{
    /// <summary>
    /// Whether <paramref name="text"/> opens by saying the previous answer did not help, the complaint
    /// ending there (at the message's end, a stop or a comma, or "and", "but", "lol" …): "it's pointless
    /// to do a master's if I have experience?" asks about a master's. A question after the complaint is
    /// the message ("that didn't really help … Let me put it differently: can I get hired … with only a
    /// bachelor's?"), and is answered.
    /// </summary>
    public static bool Is(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Unhelpful().Match(text);
        return match.Success && !AskingPart.Sentences(text[match.Length..]).Any(AskingPart.Asks);
    }

    [GeneratedRegex(
        @"^\s*(?:(?:hmm+|ugh|meh|well|ok|okay|so|but|honestly|tbh|sorry)[,.!?]*\s+)*(?:"
        + @"(?:that|this|it|your\s+(?:answer|reply)|the\s+(?:answer|reply))(?:'s|\u2019s|(?<=that|it)s|\s+is|\s+was)?\s+(?:(?:really|totally|completely|pretty|so|kind\s+of|kinda|still|way|too|very|just|a\s+bit|rather)\s+)*"
        + @"(?:useless|unhelpful|not\s+(?:very\s+|really\s+|at\s+all\s+)?(?:helpful|useful|what\s+i\s+(?:asked|meant|wanted))|no\s+help|(?:too\s+)?(?:generic|vague)|pointless)"
        + @"|(?:that|this|it)\s+(?:didn't|didnt|did\s+not|doesn't|doesnt|does\s+not)\s+(?:really\s+)?(?:help|answer\s+(?:my|the)\s+question)"
        + @"|(?:still|too|so)\s+(?:vague|generic|useless|unhelpful)|useless|unhelpful|not\s+helpful"
        + @"|(?:(?:are|r)\s+(?:you|u)|(?:you're|you\u2019re|youre|you\s+are|ur|u\s+r))\s+(?:just\s+|really\s+|even\s+|so\s+|that\s+)?(?:dumb|stupid|useless|unhelpful|(?:dumber|stupider|worse)\s+than\s+[\w.\-]+)(?:\s+or\s+what)?)"
        + @"(?=\s*(?:$|[,.!?;:\u2026]|(?:and|but|lol|tbh|though|tho|honestly|man|dude|mate|sorry)\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unhelpful();
}
