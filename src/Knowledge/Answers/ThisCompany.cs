using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// A question about the company whose careers page the bot sits on ("do you have any open ML
/// positions at this company right now", "are you hiring?", "which roles your company has open", "a cover letter for a position at your
/// company", "what's the interview process like here", "does your company sponsor ML engineers and what's the salary band for the
/// role on your careers page", which quoted the neighbouring roles' pay). The guides describe the career in general
/// and know nothing of this company's jobs, hiring or pay: the bot says so instead of quoting
/// job-market figures as if they answered.
/// </summary>
internal static partial class ThisCompany
{
    /// <summary>
    /// Whether <paramref name="text"/> asks about this company: its openings, hiring, application process or work there.
    /// "interns here" opening a message before a stop or an emoji introduces the asker, as in a workplace chat
    /// ("intern here 👋 do i need a masters …"), and asks nothing about this company; "interns here usually get
    /// return offers?" (what is left of "do you know if interns here …") does.
    /// </summary>
    public static bool IsAskedAbout(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Mention().IsMatch(text);
    }

    /// <summary>
    /// Whether <paramref name="text"/> asks about the asker's own employer's levels, pay or policies ("can you
    /// tell me whether my company's staff level pays more than manager?", "how do i apply for parental leave
    /// at my company"): the guides know no company's ladder or rules.
    /// An employer that only sets the scene ("my company has no ML team, should I move?") is not asked about.
    /// </summary>
    public static bool IsOwnAskedAbout(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return OwnMention().IsMatch(text);
    }

    [GeneratedRegex(
        @"\b(?:my|our)\s+(?:current\s+|own\s+)?(?:company|employer|firm|org|organi[sz]ation|workplace)(?:'s|\u2019s)?\s+(?:\w+\s+){0,2}?"
        + @"(?:levels?|ladder|(?:pay|salary)\s+(?:bands?|grades?|scales?)|bands?|salar(?:y|ies)|compensation|comp|promotions?|raises?|bonus(?:es)?|polic(?:y|ies)|benefits)\b"
        + @"|\b(?:leave|polic(?:y|ies)|benefits|vacation|holidays?|pto|bonus(?:es)?|raises?|promotions?|levels?|salar(?:y|ies)|pay)\s+(?:\w+\s+){0,2}?(?:at|in|with|for)\s+(?:my|our)\s+(?:current\s+)?(?:company|employer|firm|workplace|org)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnMention();

    [GeneratedRegex(
        @"\b(?:at|in|with|for|of|to|join|joining)\s+(?:this|your|ur)\s+(?:company|firm|organi[sz]ation|business|employer|team|org)\b"
        + @"|\b(?:our|internal)\s+(?:internal\s+)?(?:pay|salary|compensation|comp)\s+(?:bands?|grades?|scales?|levels?)\b"
        + @"|(?<!^\W*(?:(?:hi|hey|hello|yo)\W+)?)\b(?:interns?|employees?|staff)\s+here\b"
        + @"|\b(?:interns?|employees?|staff)\s+here\b(?!\s*[^\w\s])"
        + @"|\bare\s+(?:you|u|you\s+guys|you\s+all|y'all)\s+(?:currently\s+|still\s+|even\s+)?hiring\b"
        + @"|\b(?:this|your|ur)\s+(?:company|firm|organi[sz]ation|employer|org)(?:'s)?\s+(?:(?:currently|still|now)\s+)?(?:(?:has|have|got)\s+(?:\w+\s+){0,3}?(?:open|available|vacant)\b|is\s+hiring\b|(?:open|current)\s+(?:\w+\s+){0,2}?(?:positions?|roles?|jobs?|vacanc(?:y|ies))\b|openings?\b|vacanc(?:y|ies)\b|hiring\b)"
        + @"|\b(?:do|does)\s+(?:you|u|you\s+guys|this\s+company|your\s+company)\s+(?:currently\s+|still\s+)?(?:have|has)\s+(?:any\s+)?(?:(?:open|current|available)\s+(?:\w+\s+){0,2}(?:positions?|roles?|jobs?|vacanc(?:y|ies)|openings?)|openings?|vacanc(?:y|ies))\b"
        + @"|\b(?:work|working|jobs?|openings?|positions?|vacanc(?:y|ies)|hiring|apply)\s+here\b"
        + @"|\b(?:process|interviews?|culture|benefits)\s+(?:is\s+|are\s+)?(?:like\s+)?here\b"
        + @"|\bhow\s+(?:do|can|should)\s+i\s+apply\s+(?:to|with|at)\s+(?:you|u)\b"
        + @"|\b(?:does|do|will|would|can|could)\s+(?:your|this|ur)\s+(?:company|firm|organi[sz]ation|employer|org)\s+(?:\w+\s+)?(?:sponsor|hire|pay|offer|provide|have)\b"
        + @"|\b(?:your|this|ur)\s+careers?\s+(?:page|site|portal)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
