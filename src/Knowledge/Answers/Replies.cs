using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Answers;

/// <summary>The bot's own words: greetings, help and declines. Everything else is quoted.</summary>
public static class Replies
{
    public const string Greeting =
        "Hello! I'm CareerBot. Ask me about becoming and working as a machine learning engineer, and I'll answer from career guides, citing each one.";

    public const string Thanks = "You're welcome! Ask me anything else about the machine learning engineer career.";

    public const string Goodbye = "Goodbye, and good luck with your career!";

    public const string DidYouMean = "I'm not sure which of these you mean. Did you mean one of these?";

    public const string StartOver = "Okay, let's start over. What would you like to know?";

    public const string Closest = "My guides don't answer that exactly. This is the closest they come:";

    /// <summary>The line above an answer to a request to review something of the asker's ("can you review my resume?").</summary>
    public const string NoReview = "I can't review a résumé, a portfolio or anything else you paste: I only quote career guides. This is what they say:";

    /// <summary>The reply to "say that shorter" when the previous reply quoted nothing.</summary>
    public const string NothingToShorten = "I have no answer to say shorter: my last reply quoted no guide. You could try one of these:";

    /// <summary>The decline of a message mostly in another language than English.</summary>
    public const string EnglishOnly = "Sorry, I can only answer questions asked in English: my career guides are in English. Could you ask it in English? For example:";

    /// <summary>The line above the answer to the first of <paramref name="count"/> numbered questions.</summary>
    public static string OneAtATime(int count) =>
        $"You asked {count} questions. I answer one at a time: this is the first, and the others are below to ask next.";

    /// <summary>The reply to a message with no words ("??", "🤔", "huh?"): what it means cannot be told.</summary>
    public const string Unclear = "I can't tell what you mean from that alone. Could you ask it in words? You could try one of these:";

    /// <summary>The reply to a message saying the previous answer did not help.</summary>
    public const string Unhelpful = "Sorry that didn't help. I can only quote my career guides, and they speak in general, not about your situation. A narrower question often finds a more concrete passage. You could try one of these:";

    /// <summary>The reply to a message that only acknowledges the last one ("ok", "i see", "fair enough").</summary>
    public const string Acknowledged = "Okay. What else would you like to know? You could try one of these:";

    public const string NothingMore = "That's all my guides say on that. Try another question:";

    /// <summary>The lead-in to the other guides' passages on the previous answer's point.</summary>
    public const string OtherGuides = "This is what my other guides say on that. Where they differ from the last answer, each claim is its own guide's:";

    /// <summary>The reply to "do the other guides agree?" when the last reply quoted no guide (at the start, or after a decline).</summary>
    public const string NothingToCompare = "My last reply quoted no guide, so I have nothing to compare across my guides. Ask a question, and then \"do the other guides agree?\" sets what the others say beside the answer. You could try one of these:";

    /// <summary>The reply when no other guide speaks to the previous answer's point.</summary>
    public static string OnlyGuide(IReadOnlyList<string> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var named = titles.Count switch
        {
            0 => "the guide I quoted",
            1 => $"\"{titles[0]}\"",
            _ => string.Join(", ", titles.Take(titles.Count - 1).Select(t => $"\"{t}\"")) + $" and \"{titles[^1]}\"",
        };
        return $"Only {named} {(titles.Count > 1 ? "speak" : "speaks")} to that among my guides, so I have no other guide to set beside it. You could try one of these:";
    }

    public static string Help(IEnumerable<Topic> topics) =>
        $"I answer questions about the machine learning engineer career: {TopicList(topics)}. Every answer quotes the guide it comes from and lists its sources. "
        + "Ask a follow-up like \"what about senior ones?\", say \"tell me more\" for the next passage, or \"reset\" to start over.";

    public static string Decline(IEnumerable<Topic> topics) =>
        $"Sorry, I can't answer that from my career guides. I cover the machine learning engineer career: {TopicList(topics)}. You could try one of these:";

    /// <summary>A decline that says why: the question's <paramref name="unknown"/> words are in none of the guides ("what about in the UK?").</summary>
    public static string DeclineUnknown(IReadOnlyList<string> unknown, IEnumerable<Topic> topics) =>
        $"Sorry, my career guides don't mention {QuotedList(unknown)}, so I can't answer that from them. I cover the machine learning engineer career: {TopicList(topics)}. You could try one of these:";

    /// <summary>
    /// The line above an answer that is not quite to the question: the <paramref name="names"/> it
    /// gives that no guide covers ("in Canada"), so the answer is the guides' general one, and whether
    /// the passage is only the <paramref name="closest"/> they come.
    /// </summary>
    public static string Preface(IReadOnlyList<string> names, bool closest) => (names.Count, closest) switch
    {
        (0, _) => Closest,
        (_, false) => $"{PrefaceOpening} {QuotedList(names)}. This is what they say in general:",
        _ => $"{PrefaceOpening} {QuotedList(names)}, and don't answer that exactly. This is the closest they come:",
    };

    /// <summary>How a preface that names what the guides do not mention begins.</summary>
    public const string PrefaceOpening = "My guides don't mention";

    private static string QuotedList(IReadOnlyList<string> words) => words.Count switch
    {
        1 => $"\"{words[0]}\"",
        _ => string.Join(", ", words.Take(words.Count - 1).Select(w => $"\"{w}\"")) + $" or \"{words[^1]}\"",
    };

    /// <summary>
    /// The note under an answer whose quote <paramref name="number"/> speaks of a year that has
    /// passed: the claim is the source's as it was written, not a current figure.
    /// </summary>
    public static string PastYear(int number, int year, DateOnly updated) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Note: [{number}] speaks of {year}, a year that has passed. It is the source's claim as published (guide checked {updated:yyyy-MM-dd}), so it may be out of date.");

    /// <summary>The reply to a request to make something up: a certificate, a reference, experience on a résumé.</summary>
    public const string Fabrication = "I can't help make up certificates, references or experience: what you give an employer should be true. I can tell you what the career guides say, for example which certifications and skills they recommend. You could try one of these:";

    /// <summary>The reply to a request to write, translate or rewrite something: a cover letter, a translation, a query.</summary>
    public const string NoWriting = "I can't write, translate or rewrite things for you: I only answer questions about the machine learning engineer career, quoting my career guides. You could try one of these:";

    /// <summary>The reply to a question about the company the bot is on: its openings, hiring or pay.</summary>
    public const string ThisCompany = "I can't answer for this company: my career guides know nothing of its open positions, hiring process, teams or pay. For those, see its job listings or ask its recruiters. I can tell you about the machine learning engineer career in general: the work, skills, education, pay and how to get started.";

    /// <summary>The reply to a question about visas, work permits or immigration.</summary>
    public const string Immigration = "I can't advise on visas, work permits or immigration: my career guides say nothing about them. For those, see the official immigration pages of the country concerned, or ask the employer's recruiters or an immigration adviser. I can tell you about the machine learning engineer career itself: the work, skills, education, pay and how to get started.";

    /// <summary>The reply to a question about the asker's own employer: its levels, pay, promotions or policies.</summary>
    public const string OwnCompany = "I can't answer for one company: my career guides describe the machine learning engineer career in general and know nothing of any one employer's levels, pay, promotions or policies. I can tell you what they say is typical: the career's levels, what each is paid and how people move up.";

    /// <summary>The guides every answer is quoted from, each with its date and the public guide it is written from.</summary>
    public static string Guides(IReadOnlyList<Guides.Passage> guides)
    {
        ArgumentNullException.ThrowIfNull(guides);
        var text = new System.Text.StringBuilder("My answers quote these guides, each written in our own words from a public career guide:");
        foreach (var g in guides)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n- {g.GuideTitle}, updated {g.Updated:yyyy-MM-dd}, from {g.Source}.");
        }

        return text.Append("\nAsk me a question and I'll name the guide and section each answer quotes.").ToString();
    }

    /// <summary>Where the previous answer came from: each cited guide and section, its date, and the public guide it is written from.</summary>
    public static string Sources(IReadOnlyList<Citation> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var text = new System.Text.StringBuilder(citations.Count == 1 ? "My last answer quotes this guide:" : "My last answer quotes these guides:");
        foreach (var c in citations)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n- [{c.Number}] {c.GuideTitle}, section \"{SectionOf(c)}\", updated {c.Updated:yyyy-MM-dd}. Written in our own words from {c.Source}.");
        }

        return text.ToString();
    }

    /// <summary>A citation's section path with slashes: a "&gt;" would need escaping in every channel's Markdown.</summary>
    private static string SectionOf(Citation c) => c.SectionPath.Replace(" > ", " / ", StringComparison.Ordinal);

    public static string TopicList(IEnumerable<Topic> topics)
    {
        var names = topics.Select(t => t.Name.Replace('_', ' ')).ToArray();
        return names.Length switch
        {
            0 => "the role",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " and " + names[^1],
        };
    }
}
