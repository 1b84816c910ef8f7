using System.Text.RegularExpressions;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// A courtesy that opens a message before its question ("thank you. what mean MLOps, is it a
/// different job?", "ok thanks. where do I start", "hi, how much do juniors earn?"). The classifier
/// read the two newcomer examples as thanks (0.81, 0.96) and the bot only said "you're welcome":
/// the question after the courtesy is the message.
/// </summary>
internal static partial class Courtesy
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "hi", "hello", "hey", "hiya", "yo", "thanks", "thank", "you", "thx", "ty", "ok", "okay", "cool", "great", "good",
        "morning", "afternoon", "evening", "cheers", "nice", "awesome", "perfect", "got", "it", "sure", "alright", "right",
        "nvm", "hmm", "interesting", "wow", "oh", "ah", "well", "so", "careerbot", "bot", "there", "much", "very", "lol",
        "sweet", "understood", "makes", "sense", "noted", "fair", "enough", "and", "a", "lot", "again", "all", "for", "that",
        "helpful", "useful", "brilliant", "excellent", "fine", "aight", "then",

        // An apology or an aside before the question ("ok. sorry, one more thing, what if I freeze in the
        // interview", "quick question: …", "wait the salary number you just said …"): it opens the
        // message as "ok thanks" does, and is no word the guides lack.
        "sorry", "apologies", "one", "more", "thing", "quick", "question", "wait",

        // Relief before the next question ("ok that makes me feel a bit better. which skills are least
        // likely to get automated" was declined naming "feel"; "that helps.", "that's reassuring.").
        "me", "feel", "feels", "better", "bit", "helps", "reassuring",

        // "ok that's good to hear. what tools do they use most" (and "good to here") was declined, its
        // skills reading weakened by the relief before it.
        "that's", "thats", "s", "to", "hear", "here", "know",

        // Giving in before the next question ("ok whatever, what about senior" was declined naming "whatever").
        "whatever",
    };

    /// <summary>Whether <paramref name="word"/> (lower case) is one a courtesy is made of ("ok", "thanks", "lol").</summary>
    public static bool IsCourtesyWord(string word) => Words.Contains(word);

    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create(".!,;:");

    /// <summary>
    /// <paramref name="text"/> without an opening courtesy ("ok thanks.", "hi,", "ok so"), when what
    /// follows it is a message of at least two words; otherwise <paramref name="text"/> itself
    /// ("thanks!" stays thanks).
    /// </summary>
    public static string StripOpening(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text;
        for (var round = 0; round < 4; round++)
        {
            if (SoOpening(rest) is { } opened)
            {
                rest = opened;
                continue;
            }

            if (FormulaLength(rest) is > 0 and var formula && Analysis.KnowledgeAnalyzer.WordsOf(rest[formula..]).Count >= 2)
            {
                rest = rest[formula..];
                continue;
            }

            var cut = rest.AsSpan().IndexOfAny(Breaks);
            if (cut <= 0 || cut >= rest.Length - 1)
            {
                break;
            }

            var head = Analysis.KnowledgeAnalyzer.WordsOf(rest[..cut]);
            var tail = rest[(cut + 1)..].TrimStart();
            if (head.Count == 0 || !head.All(Words.Contains) || Analysis.KnowledgeAnalyzer.WordsOf(tail).Count < 2)
            {
                break;
            }

            rest = tail;
        }

        return rest;
    }

    /// <summary>
    /// <paramref name="text"/> without a wish that signs it off ("thanks, have a good weekend", "… enjoy your evening!"),
    /// when something comes before it. "thanks, have a good weekend" lost its "thanks," as an opening courtesy, and
    /// "have a good weekend", a question's form ("have …") with two words to search, continued the thread: it
    /// quoted the portfolio passage again. A wish alone ("have a nice day") is left as it is, a goodbye.
    /// </summary>
    public static string WithoutSignOff(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("have ", StringComparison.OrdinalIgnoreCase) && !text.Contains("enjoy ", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var match = SignOff().Match(text);
        return match.Success && match.Index > 0 && text.AsSpan(0, match.Index).ContainsAnyExcept(" ,.;!-") ? text[..match.Index].TrimEnd(' ', ',', ';', '-') : text;
    }

    [GeneratedRegex(
        @"[\s,.;!-]*\b(?:and\s+)?(?:have|enjoy)\s+(?:a\s+|an\s+|the\s+|your\s+)?(?:(?:good|nice|great|lovely|wonderful|fantastic|happy|relaxing)\s+)?(?:rest\s+of\s+(?:the|your)\s+)?(?:day|weekend|week|evening|night|one|afternoon|morning|holidays?)\b[\s.!:)]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignOff();

    /// <summary>
    /// Courtesies that, last in a run, open a question that follows them with no comma ("ok how much math am I
    /// going to need", "cool how long does it take", "thanks what about seniors"): the newcomer's first was
    /// declined, the last answered "you're welcome". Words that only begin a courtesy ("that", "so", "a") are
    /// not among them: "ok that is helpful" stays thanks.
    /// </summary>
    private static readonly HashSet<string> RunEnds = new(StringComparer.Ordinal)
    {
        "hi", "hello", "hey", "hiya", "yo", "thanks", "thx", "ty", "ok", "okay", "cool", "great", "nice", "awesome",
        "perfect", "alright", "aight", "cheers", "sweet", "understood", "noted", "interesting", "wow", "oh", "ah",
        "hmm", "nvm", "sorry", "brilliant", "excellent", "you", "it", "much", "lot",
    };

    /// <summary>The courtesies that thank, after which "and" goes on to a question.</summary>
    private static readonly HashSet<string> Thanks = new(StringComparer.Ordinal) { "thanks", "thank", "thx", "ty", "cheers" };

    /// <summary>
    /// The words that open a question after such a run. Not "will", "would", "did" or "have", which also
    /// continue a courtesy ("thanks will do", "thanks have a good one").
    /// </summary>
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "what", "what's", "whats", "how", "which", "why", "when", "where", "who", "is", "are", "am", "do", "does", "can",
        "could", "should",
    };

    /// <summary>
    /// The text after a run of courtesy words that ends in "so" or "then" ("ok so what's the minimum degree",
    /// "alright so how long does it take", "ok then can you tell me …"), which opens a question as a comma would,
    /// or that ends in a courtesy of <see cref="RunEnds"/> right before a question word ("ok how much …", "ok but how much …");
    /// null when there is none. The run has to end there: "thanks so much for the help" is thanks.
    /// </summary>
    private static string? SoOpening(string text)
    {
        var courtesies = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        var runEnds = RunEnds.GetAlternateLookup<ReadOnlySpan<char>>();
        var questionWords = QuestionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var thanks = Thanks.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[16];
        var rest = text.AsSpan().TrimStart();
        var afterSo = -1;
        var endsRun = false;
        var thanked = false;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf(' ');
            var word = end < 0 ? rest : rest[..end];
            var lowered = word.Length > lower.Length ? [] : lower[..word.ToLowerInvariant(lower)];
            if (endsRun && lowered is "but" && end >= 0)
            {
                // "ok but how much money do ML engineers make per year?": the courtesy goes on to the question
                // as "and" does after thanks; kept, its two words tipped the salary passage to a closest answer.
                rest = rest[end..].TrimStart();
                continue;
            }

            if (lowered.IsEmpty || !courtesies.Contains(lowered))
            {
                if (endsRun && !lowered.IsEmpty && questionWords.Contains(lowered))
                {
                    afterSo = text.Length - rest.Length;
                }

                break;
            }

            // "and" carries a thanks on to the question ("okay thanks and how long would that take …" only
            // got "you're welcome"); "ok and is on-call a thing …" thanks no one and stays as it is.
            thanked |= thanks.Contains(lowered);
            endsRun = runEnds.Contains(lowered) || (endsRun && thanked && lowered is "and");
            afterSo = lowered is "so" or "then" && end >= 0 ? text.Length - rest.Length + end : -1;
            rest = end < 0 ? [] : rest[end..].TrimStart();
        }

        if (afterSo < 0 || rest.IsEmpty)
        {
            return null;
        }

        var tail = text[afterSo..].TrimStart();
        return Analysis.KnowledgeAnalyzer.WordsOf(tail).Count < 2 ? null : tail;
    }

    /// <summary>
    /// Whether <paramref name="text"/> thanks and then only signs off: "Thank you very much, God bless",
    /// "Thanks, that gives me something to take to leadership." Both were declined as questions the guides
    /// cannot answer. What follows the thanks has to open as a sign-off does ("that", "this", "you", "God",
    /// "have", "I'll" …) and hold no question word or question mark: "thanks, and in Germany" and "thanks, I
    /// want to work in Brazil" go on to ask or tell, and are answered or declined as they are.
    /// </summary>
    public static bool IsClosingThanks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('?', StringComparison.Ordinal) || ThanksOpening().Match(text) is not { Success: true } thanks)
        {
            return false;
        }

        var rest = Analysis.KnowledgeAnalyzer.WordsOf(text[thanks.Length..]);
        return rest.Count == 0 || (SignOffOpenings.Contains(rest[0]) && !rest.Any(AnyQuestionWord.Contains));
    }

    [GeneratedRegex(@"^\W*(?:(?:many|big|huge)\s+)?(?:thanks|thank\s+(?:you|u)|thx|ty|cheers|much\s+appreciated)\b(?:\s+(?:very|so)\s+much|\s+(?:a\s+lot|again))?[\W_]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThanksOpening();

    /// <summary>The words a sign-off after a thanks opens with.</summary>
    private static readonly HashSet<string> SignOffOpenings = new(StringComparer.Ordinal)
    {
        "that", "that's", "thats", "this", "it", "it's", "its", "you", "you've", "youve", "you're", "your", "god", "have",
        "will", "i'll", "ill", "very", "really", "appreciate", "appreciated", "much", "all", "bye", "goodbye", "see",
        "talk", "take", "great", "good", "helpful", "useful", "most", "kind",
    };

    /// <summary>Words that ask wherever they stand in a sign-off.</summary>
    private static readonly HashSet<string> AnyQuestionWord = new(StringComparer.Ordinal)
    {
        "what", "what's", "whats", "how", "which", "why", "when", "where", "who", "whether",
    };

    /// <summary>The length of an apology for the question or a letter's opening formula at the start of <paramref name="text"/>; 0 when there is none.</summary>
    private static int FormulaLength(string text) =>
        SillyQuestion().Match(text) is { Success: true } silly ? silly.Length
        : LetterOpening().Match(text) is { Success: true } letter ? letter.Length
        : 0;

    /// <summary>
    /// A letter's opening formula ("Dear CareerBot,", "I hope this message finds you well,", "Thank you very
    /// much for your kind reply,"): a second-language writer's "Dear CareerBot, I hope this message finds you
    /// well. Which skills are most important …? Kindly advise." got the help text, and "Thank you very much
    /// for your kind reply, may I further ask which programming languages …" only "you're welcome".
    /// </summary>
    [GeneratedRegex(
        @"^\s*(?:dear\s+[^,.!?:;\n]{1,40}[,:!.]"
        + @"|i\s+hope\s+(?:this|my|the)\s+(?:message|e-?mail|mail|note|letter)\s+finds\s+you\s+(?:well|in\s+good\s+(?:health|spirits))(?:\s+and\s+safe)?[,.!;]?"
        + @"|i\s+hope\s+you(?:\s+are|'re|\u2019re)\s+(?:doing\s+)?(?:well|fine|good)[,.!;]?"
        + @"|(?:thank\s+you|thanks)(?:\s+(?:very|so)\s+much)?\s+for\s+(?:your|the)\s+(?:(?:kind|quick|prompt|helpful|detailed|previous)\s+)?(?:reply|answer|response|explanation)[,.!;]?"
        + @"|greetings[,.!:])\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LetterOpening();

    /// <summary>
    /// An apology for the question before it ("Sorry if this is a dumb question.", "this might be a
    /// stupid question but"): help at 0.61 over the whole message, which then asked whether you need
    /// to be a genius at math.
    /// </summary>
    [GeneratedRegex(
        @"^\s*(?:(?:sorry|apologies)\s+(?:(?:in\s+advance\s+)?if\s+(?:this|it|that)(?:\s+is|'s|\u2019s|\s+sounds?(?:\s+like)?)|for(?:\s+asking)?)\s+|(?:this|it|that)(?:\s+is|'s|\u2019s|\s+(?:may|might|could)\s+be)\s+)"
        + @"(?:probably\s+|maybe\s+)?(?:a\s+|an\s+|the\s+|such\s+a\s+)?(?:really\s+|very\s+|super\s+)?(?:dumb|stupid|silly|naive|basic|noob|newbie|obvious)\s+question(?:\s*,?\s*but\b)?[\s.!,:;\u2026-]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SillyQuestion();
}
