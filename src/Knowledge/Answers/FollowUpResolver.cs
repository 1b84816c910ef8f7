using System.Text.RegularExpressions;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// Decides whether a message leans on the previous turn ("what about senior ones?",
/// "and a principal?", "why C++?", "which one pays more?") and, if so, which topic and
/// which carried-over terms it inherits.
/// </summary>
public static partial class FollowUpResolver
{
    /// <summary>
    /// Openings of a follow-up that asks the previous question again with one part changed
    /// ("what about senior ones?", "and in New York?").
    /// </summary>
    private static readonly string[] EllipticalCues =
    [
        "what about", "how about", "and ", "what of", "same for", "same question", "ok and", "okay and",
    ];

    /// <summary>Openings of a follow-up that asks a question of its own about the same things ("which one pays more?", "why C++?").</summary>
    private static readonly string[] QuestionCues =
    [
        "why", "which one", "which of", "which pays", "which is", "which earns", "what if", "how so", "then ",
        "compared to", "versus", "vs ", "so ", "but ",
    ];

    private static readonly HashSet<string> References = new(StringComparer.Ordinal)
    {
        "they", "them", "those", "it", "that", "this", "one", "ones", "there", "these", "he", "she", "their",
    };

    /// <summary>The pronouns among <see cref="References"/>: "that", "this" and "one" also join clauses and count things.</summary>
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "they", "them", "those", "it", "these", "their" };

    private static readonly HashSet<string> MoreRequests = new(StringComparer.Ordinal)
    {
        "more", "tell me more", "more please", "go on", "continue", "more details", "more detail", "what else",
        "anything else", "keep going", "and more", "more info", "more information", "tell me more please", "next",

        // After the first months of a plan, "and then?" said goodbye (0.78).
        "and then", "then what", "what next", "whats next", "what s next", "and after that", "after that", "what then",
    };

    /// <summary>
    /// "why?" after an answer that quoted part of a passage: the reason, where the guide gives one, is in the rest of
    /// it. "why" after "remote work is common" quoted the passage on career opportunities (challenges at 0.95), and
    /// after "A master's degree helps but is not strictly required." the same sentence again, where the passage goes
    /// on with what weighs in hiring. After a passage quoted whole, "why?" is searched as before: the pay passage's
    /// reason for the high pay is found that way.
    /// </summary>
    private static readonly HashSet<string> WhyRequests = new(StringComparer.Ordinal)
    {
        "why", "why is that", "why so", "how come", "but why", "and why", "why is that so", "hmm why", "hmm why is that",
    };

    /// <summary>
    /// Words that ask where an answer came from ("source?", "citation", "which guide says that") or
    /// how current it is ("how up to date is it", "are those numbers current?") or whether to trust
    /// it ("why should I trust them?"): the reply names the guides with the day each was updated and
    /// where each comes from.
    /// </summary>
    private static readonly HashSet<string> SourceWords = new(StringComparer.Ordinal)
    {
        "source", "sources", "citation", "citations", "cite", "reference", "references", "link", "links",
        "current", "date", "dated", "outdated", "updated", "recent", "old", "trust", "trusted", "trustworthy", "reliable", "based", "basing",
        "wrote", "written", "author", "authors",
    };

    /// <summary>The words one of which a source request holds (<see cref="SourceWords"/>, "guide", "article", "from", "say"), to skip the rest without splitting them into words.</summary>
    private static readonly System.Buffers.SearchValues<string> SourceCues = System.Buffers.SearchValues.Create(
        [.. SourceWords, "guide", "article", "from", "say", "said"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Words that may frame a request for the source ("what's the source for that?", "where did you get that from").</summary>
    private static readonly HashSet<string> SourceFraming = new(StringComparer.Ordinal)
    {
        "what", "whats", "s", "is", "are", "the", "your", "for", "that", "this", "it", "those", "these", "says", "say", "said",
        "where", "from", "come", "comes", "came", "did", "does", "do", "you", "get", "got", "please", "pls", "ok", "okay", "and",
        "of", "which", "guide", "guides", "article", "give", "me", "show", "can", "could", "i", "have", "a", "to", "info", "there",
        "any", "one", "so", "hmm", "but", "wait", "exactly", "number", "figure", "claim",
        "how", "up", "still", "sure", "they", "them", "numbers", "figures", "information", "data", "stats", "when", "was", "were",
        "answer", "answers", "why", "should", "we",

        // "which guides are you getting this from?", "which guide are you using", "give me the links so I can read them myself"
        "getting", "taking", "took", "using", "use", "used", "on", "read", "myself", "yourself",

        // "who wrote the information you're using?", "how many sources do you actually have, and can you link me to the full guide"
        "who", "you're", "youre", "ur", "many", "actually", "full", "whole",

        // "what year is it from", "what's the exact wording in your source?"
        "year", "exact", "wording", "words", "in", "original", "verbatim", "quote", "quoted",

        // "how old are the guides ur quoting from?", "Which of your guides is that figure taken from?"
        "quoting", "taken",

        // "Then give me a link I can check.", "any sources I could verify?"
        "then", "check", "verify",

        // "Can you give me the full names of the guides you're quoting so I can cite them directly?" (help)
        "name", "names", "title", "titles", "directly",

        // "Which guide did that last answer come from?" and "Which guide is that figure from, and is it publicly
        // available?" were declined and answered as questions.
        "last", "previous", "publicly", "available",

        // "salary? … and tell me which guide it comes from" was declined, and so were "says who though, like who
        // actually wrote these guides" and "which guide is more recent?" (the trends passage, for "recent").
        "tell", "though", "tho", "like", "more", "most",
    };

    /// <summary>
    /// Whether <paramref name="text"/> asks whether the other guides say what the previous answer quoted
    /// ("Do all the guides agree on that? Students keep telling me you need a Master's.", "do the other
    /// guides say the same number? because that seems high", "what do the other guides say"): the first was
    /// declined naming "Students" and "telling", the second as out of scope. Only its first sentence asks;
    /// what follows says why.
    /// </summary>
    public static bool AsksOtherGuides(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("guide", StringComparison.OrdinalIgnoreCase) && !text.Contains("source", StringComparison.OrdinalIgnoreCase)
            && !text.Contains("agree", StringComparison.OrdinalIgnoreCase))
        {
            return false; // most turns stop here
        }

        var sentences = AskingPart.Sentences(text);
        return sentences.Count > 0 && OtherGuidesAsked().IsMatch(sentences[0]) && !sentences.Skip(1).Any(AskingPart.Asks);
    }

    [GeneratedRegex(
        @"^\W*(?:(?:ok|okay|so|but|and|hmm+|wait|ok\s+but)[,.!?]*\s+)*(?:"
        + @"(?:do|does|did|would)\s+(?:all\s+(?:of\s+)?(?:the\s+|your\s+|my\s+)?|both\s+(?:of\s+)?(?:the\s+|your\s+)?|the\s+other\s+|other\s+|any\s+(?:of\s+)?(?:the\s+|your\s+)?other\s+|every\s+|each\s+|the\s+|your\s+)?(?:career\s+)?(?:guides?|sources?)(?:\s+(?:all|both))?\s+(?:(?:actually|really|all)\s+)?"
        + @"(?:agree|disagree|say\s+(?:the\s+same|so|that|this|it)|give\s+(?:the\s+)?same|back\s+(?:that|this|it)\s+up|confirm)"
        + @"|(?:do|does)\s+(?:they|all\s+of\s+them|both\s+of\s+them)\s+(?:all\s+|both\s+)?(?:agree|disagree|say\s+the\s+same)"
        + @"|(?:what|how)\s+(?:do|does|did)\s+(?:the\s+|your\s+)?other\s+(?:guides?|sources?)\s+say"
        + @"|(?:is|are)\s+(?:that|this|it|those|these)(?:\s+(?:numbers?|figures?))?\s+the\s+same\s+in\s+(?:every|all|each|both|the\s+other)\s+(?:of\s+the\s+)?(?:guides?|sources?)"
        + @"|(?:are|is)\s+(?:there|the)\s+(?:other\s+)?(?:guides?|sources?)\s+that\s+(?:disagree|say\s+otherwise|say\s+something\s+else))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherGuidesAsked();

    /// <summary>
    /// Whether <paramref name="text"/> asks where the previous answer came from: it is a request for
    /// the source, or one of its sentences is and the others point back at that answer ("are you
    /// sure those numbers are current? where are they from"), or one doubts it and the others only
    /// say why ("is that still true? tech salaries dropped a lot after 2022", which was declined
    /// naming "2022").
    /// </summary>
    public static bool AsksForSources(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsSourceRequest(text))
        {
            return true;
        }

        if (AskingPart.IsOneSentence(text))
        {
            return false;
        }

        var sentences = AskingPart.Sentences(text);
        if (sentences.Count < 2 || !sentences.Any(IsSourceRequest))
        {
            return false; // most messages of several sentences stop here, without the doubts read twice
        }

        var doubts = sentences.Any(Doubts);
        return sentences.All(s => IsSourceRequest(s) || Analysis.KnowledgeAnalyzer.WordsOf(s).Any(References.Contains) || (doubts && !AskingPart.Asks(s)));
    }

    /// <summary>
    /// A request for where the previous answer came from ("source?", "which guide says that", "where
    /// did you get that from?", "show me where it says that"): every word frames it, and one asks for
    /// a source, or it asks which guide, where from or where it says so.
    /// </summary>
    public static bool IsSourceRequest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Doubts(text))
        {
            return true;
        }

        if (!text.AsSpan().ContainsAny(SourceCues))
        {
            return false; // no source word, "guide", "article" or "from" in it: most turns stop here, allocating nothing
        }

        var words = Analysis.KnowledgeAnalyzer.WordsOf(text);
        if (words.Count == 0 || words.Count > MaxSourceRequestWords || !words.All(w => SourceWords.Contains(w) || SourceFraming.Contains(w)))
        {
            return false;
        }

        return words.Any(SourceWords.Contains)
            || (words.Contains("which") && (words.Contains("guide") || words.Contains("guides") || words.Contains("article")))
            || (words.Contains("where") && (words.Contains("from") || words.Contains("says") || words.Contains("say") || words.Contains("said")));
    }

    /// <summary>The most words a source request has: every one frames it, and a journalist's "Can you give me the full names of the guides you're quoting so I can cite them directly?" has 18.</summary>
    private const int MaxSourceRequestWords = 20;

    /// <summary>
    /// "tell me more" and the like, or "why?" after an answer that quoted <paramref name="previous"/>'s passage only in
    /// part: show the rest, or the next passage, for the previous question.
    /// </summary>
    public static bool IsMoreRequest(string text, ConversationContext previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var words = Phrase(text);
        return MoreRequests.Contains(words) || (previous.Unfinished is not null && WhyRequests.Contains(words));
    }

    /// <summary>The lower-cased words of <paramref name="text"/> joined by single spaces, as the request sets hold them.</summary>
    private static string Phrase(string text) => string.Join(' ', Analysis.KnowledgeAnalyzer.WordsOf(text));

    /// <summary>
    /// Whether <paramref name="text"/> asks only "why?" ("how come", "why is that"): more of the passage quoted in part,
    /// first what stands before that part, where a passage gives its reason.
    /// </summary>
    public static bool AsksWhy(string text) => WhyRequests.Contains(Phrase(text));

    /// <summary>
    /// Whether a follow-up only replaces part of the previous question: its words alone then say
    /// little about the topic, which is the previous question's with that part changed.
    /// </summary>
    public static bool IsElliptical(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return OpensWith(text, EllipticalCues);
    }

    /// <summary>
    /// Levels of experience, and the role itself: in an elliptical follow-up ("and for seniors?",
    /// "what about new grads?") they say whom the previous question is now about, not what it asks.
    /// Read through the query analyzer, so its synonyms and stems apply ("entry level" is junior).
    /// </summary>
    public const string LevelWords =
        "junior juniors senior seniors mid midlevel level levels entry lead leads staff principal principals intern interns "
        + "beginner beginners newcomer newcomers new grad grads experienced veteran veterans "
        + "engineer engineers ml mle mles machine learning";

    /// <summary>Words that ask to go on with the subject just answered ("give me an example", "what kind exactly?"), not to be helped with the bot.</summary>
    private static readonly HashSet<string> ElaborationWords = new(StringComparer.Ordinal)
    {
        "example", "examples", "instance", "exactly", "specifically", "specific", "elaborate", "explain", "detail", "details",
    };

    /// <summary>
    /// Words that say how to go on rather than about what ("give me", "show", "what kind"): taken out
    /// of a request to elaborate, they leave its subject, if it names one.
    /// </summary>
    private static readonly HashSet<string> RequestWords = new(StringComparer.Ordinal)
    {
        "give", "show", "tell", "share", "provide", "offer", "list", "name", "kind", "kinds", "sort", "sorts", "type", "types",
        "more", "please", "bit", "little", "further", "real", "concrete", "good", "typical", "me", "us", "you", "can", "could", "would",
        "about", "deeper", "go", "say", "expand", "part", "parts", "side", "aspect", "aspects",
    };

    /// <summary>Openings that ask for more on a part of the subject, named after them ("tell me more about the deployment part").</summary>
    private static readonly string[] MoreAboutCues =
    [
        "tell me more about", "tell me more on", "can you tell me more about", "could you tell me more about", "more about",
        "more on", "say more about", "explain more about", "elaborate on", "expand on", "go deeper into", "go deeper on",
    ];

    /// <summary>
    /// A request to go on with the subject just answered ("give me an example", "what kind
    /// exactly?"), or with a part of it it names ("tell me more about the deployment part").
    /// </summary>
    public static bool IsElaboration(string text, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        return OpensWith(text, MoreAboutCues) || (terms.Count <= 3 && Analysis.KnowledgeAnalyzer.WordsOf(text).Any(ElaborationWords.Contains));
    }

    /// <summary>
    /// What a request to elaborate is about, once the words that only ask to elaborate are taken
    /// out: "give me an example of a portfolio project" leaves "of a portfolio project", "give me an
    /// example" nothing, and then the subject is the previous question's.
    /// </summary>
    public static string SubjectOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', Analysis.KnowledgeAnalyzer.WordsOf(text).Where(w => !ElaborationWords.Contains(w) && !RequestWords.Contains(w)));
    }

    /// <summary>Ordinal words and the index of the item each points to; <see cref="LastItem"/> for "last".</summary>
    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["first"] = 0, ["1st"] = 0, ["second"] = 1, ["2nd"] = 1, ["third"] = 2, ["3rd"] = 2, ["fourth"] = 3, ["4th"] = 3,
        ["fifth"] = 4, ["5th"] = 4, ["sixth"] = 5, ["6th"] = 5, ["seventh"] = 6, ["7th"] = 6, ["eighth"] = 7, ["8th"] = 7,
        ["ninth"] = 8, ["9th"] = 8, ["tenth"] = 9, ["10th"] = 9, ["last"] = LastItem,
    };

    private const int LastItem = -1;

    /// <summary>Nouns that stand for an item of a list after an ordinal ("the second one", "the 3rd point").</summary>
    private static readonly HashSet<string> ItemNouns = new(StringComparer.Ordinal)
    {
        "one", "point", "item", "thing", "option", "step", "bullet",
    };

    /// <summary>Words that count items before a number ("number 2", "point 3").</summary>
    private static readonly HashSet<string> Counters = new(StringComparer.Ordinal)
    {
        "number", "no", "point", "item", "step", "bullet", "option",
    };

    /// <summary>Words that only frame a pointer to an item ("what about", "can you explain", "is").</summary>
    private static readonly HashSet<string> PointerFraming = new(StringComparer.Ordinal)
    {
        "the", "and", "what", "whats", "s", "is", "was", "that", "this", "so", "ok", "okay", "how", "why", "on", "of", "into",
        "i", "want", "to", "know", "hear", "describe", "mean", "means", "by", "do", "does", "one", "ones", "hmm", "interesting",
        "your", "list", "in", "practice", "actually", "really", "exactly", "like", "look", "looks", "mentioned", "said", "from",
        "you", "listed", "named", "gave", "showed", "wrote", "cited", "quoted", "going", "go", "back", "get",
    };

    /// <summary>
    /// The item of the previous reply's list that a message points to by its place ("tell me more
    /// about the second one", "what about the last one?", "number 3"), with what the message asks
    /// about it after a break ("the second one, is that mostly cleaning data?"), or null. Every other
    /// word of the pointer must only frame it or come from the previous question ("the second
    /// challenge"), so "which one should I learn first?" or "what's the first job I should get?"
    /// point to nothing.
    /// </summary>
    public static ItemPointer? ItemPointedTo(string text, ConversationContext? previous)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (previous is null || previous.Items.Count == 0)
        {
            return null;
        }

        if (PointedItem(text, previous) is { } whole)
        {
            return new ItemPointer(whole, string.Empty);
        }

        // "the second one, is that mostly cleaning data or what": a pointer, a break, then a question about it.
        // "last one: PyTorch or TensorFlow?" is the asker's last question, not the previous reply's last item.
        var cut = text.AsSpan().IndexOfAny(PointerBreaks);
        return cut > 0 && cut < text.Length - 1 && !(text[cut] == ':' && IsLastQuestionMarker(text[..cut])) && PointedItem(text[..cut], previous) is { } item
            ? new ItemPointer(item, text[(cut + 1)..].Trim())
            : null;
    }

    /// <summary>"last one", "ok last one", "and one last one": before a colon, what the asker says of their own next question.</summary>
    private static bool IsLastQuestionMarker(string text)
    {
        var words = Analysis.KnowledgeAnalyzer.WordsOf(text);
        var start = 0;
        while (start < words.Count && words[start] is "ok" or "okay" or "and" or "so" or "alright" or "one")
        {
            start++;
        }

        return words.Count - start == 2 && words[start] == "last" && words[start + 1] == "one";
    }

    /// <summary>Whether <paramref name="text"/> writes the number <paramref name="number"/> after "#" ("#3").</summary>
    private static bool IsHashed(string text, string number)
    {
        for (var at = text.IndexOf('#', StringComparison.Ordinal); at >= 0; at = text.IndexOf('#', at + 1))
        {
            var rest = text.AsSpan(at + 1);
            if (rest.StartsWith(number, StringComparison.Ordinal) && (rest.Length == number.Length || !char.IsDigit(rest[number.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> PointerBreaks = System.Buffers.SearchValues.Create(",.;:?!\u2014\u2013");

    private static string? PointedItem(string text, ConversationContext previous)
    {
        var words = Analysis.KnowledgeAnalyzer.WordsOf(text);
        var index = (int?)null;
        var pointer = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            int? found = null;
            if (Ordinals.TryGetValue(words[i], out var ordinal)
                && ((i > 0 && words[i - 1] == "the") || (i + 1 < words.Count && ItemNouns.Contains(words[i + 1])) || words.Count == 1))
            {
                found = ordinal;
                pointer[i] = true;
            }
            else if (Counters.Contains(words[i]) && i + 1 < words.Count && int.TryParse(words[i + 1], out var number) && number is >= 1 and <= 20)
            {
                found = number - 1;
                pointer[i] = pointer[i + 1] = true;
            }
            else if (int.TryParse(words[i], out var hashed) && hashed is >= 1 and <= 20 && IsHashed(text, words[i]))
            {
                found = hashed - 1; // "#3", "going back to #3"
                pointer[i] = true;
            }

            if (found is { } f)
            {
                if (index is not null && index != f)
                {
                    return null;
                }

                index = f;
            }
        }

        if (index is not { } at)
        {
            return null;
        }

        var asked = Analysis.KnowledgeAnalyzer.WordsOf(previous.Question).Select(Analysis.KnowledgeAnalyzer.StemOf).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (!pointer[i] && !PointerFraming.Contains(w) && !RequestWords.Contains(w) && !ElaborationWords.Contains(w)
                && !ItemNouns.Contains(w) && !asked.Contains(Analysis.KnowledgeAnalyzer.StemOf(w)))
            {
                return null;
            }
        }

        at = at == LastItem ? previous.Items.Count - 1 : at;
        return at < previous.Items.Count ? previous.Items[at] : null;
    }

    /// <summary>
    /// Below this probability a small-talk reading is too weak to be taken as small talk: it does
    /// not end the thread of a conversation ("how long are they usually?" read as a greeting at
    /// 0.34), nor is it answered with a greeting, thanks or goodbye ("What's a good recipe for
    /// lasagne?" read as a goodbye at 0.44). Small talk said plainly scores near 1.
    /// </summary>
    internal const double SmallTalkFloor = 0.5;

    /// <summary>The fewest search terms with which a question read as small talk still asks about something ("can i leave?" has one).</summary>
    private const int MinAskedTerms = 2;

    public static bool IsFollowUp(string text, IReadOnlyList<string> terms, IntentPrediction prediction, ConversationContext? previous)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(prediction);
        if (previous is null || previous.Terms.Count == 0)
        {
            return false;
        }

        // Small talk said plainly is small talk. A weak small-talk reading is not, nor a short request
        // to elaborate ("can you give me some examples?" reads as asking the bot for help), nor a
        // short "what about ...?" that names something ("what about weekends?" after a question on
        // working hours reads as asking the bot what it can do; "what about you?" names nothing).
        var words = Analysis.KnowledgeAnalyzer.WordsOf(text);
        var elaborates = IsElaboration(text, terms);
        var kind = prediction.Intent.Kind;
        var replacesPart = terms.Count is > 0 and <= 4 && IsElliptical(text);
        if (kind is IntentKind.Greeting or IntentKind.Thanks or IntentKind.Goodbye or IntentKind.Help
            && prediction.Score >= SmallTalkFloor && !(kind == IntentKind.Help && (elaborates || replacesPart)))
        {
            // Unless it asks about something the guides could name: "ok and should i finish the phd or
            // just leave now" (goodbye at 0.67) continues the conversation, it does not end it.
            return terms.Count >= MinAskedTerms && AskingPart.Asks(text);
        }

        if (elaborates)
        {
            return true;
        }

        if (kind is IntentKind.Help or IntentKind.Greeting or IntentKind.Thanks or IntentKind.Goodbye && words.Any(Pronouns.Contains) && AskingPart.Asks(text))
        {
            // A weak reading of help or small talk that asks about something the previous answer spoke
            // of: "what kind of projects should actually be in it, like give me a couple examples" after
            // the portfolio answer (help at 0.44) asks about the portfolio, not about the bot; "how long
            // does that usually take someone doing it nights/weekends" after the order to learn things
            // in (a goodbye at 0.31, for "night") asks how long that takes. "that" is as often no
            // pointer ("what mean "MLOps" that you write").
            return true;
        }

        if (terms.Count <= 4 && (OpensWith(text, EllipticalCues) || OpensWith(text, QuestionCues)))
        {
            return true;
        }

        if (PointsAtAFigure().IsMatch(text))
        {
            // "Could you give me just the number for an entry-level position, please?" after the pay
            // ranges asks for one of the figures just given (getting started at 0.51, and declined).
            return true;
        }

        // A short message that points back ("why is that?") is the previous question's thread; so is
        // one read as off topic on its own when it is very short, or points back with a word more
        // ("how long does that usually take?" after asking about becoming a team lead).
        var pointsBack = words.Any(References.Contains);
        var offTopic = kind == IntentKind.OutOfScope;
        return (terms.Count <= 2 && (pointsBack || (offTopic && words.Count <= 5)))
            || (terms.Count == 3 && pointsBack && offTopic);
    }

    private static bool OpensWith(string text, string[] cues)
    {
        var lower = text.Trim().ToLowerInvariant();
        return cues.Any(cue => lower.StartsWith(cue, StringComparison.Ordinal));
    }

    /// <summary>A request for one of the figures just given: "just the number", "only the figure", "that amount".</summary>
    [GeneratedRegex(
        @"\b(?:(?:just|only)\s+(?:the|that|a)|that|those|these|this)\s+(?:number|figure|amount)s?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsAtAFigure();

    /// <summary>
    /// A doubt about the previous answer ("are you sure?", "is that right?", "really?", "is any of that
    /// still true today", "Are you just making these numbers up?", "How do I know your advice on AI jobs
    /// isn't outdated?", both of which got the help text): "that seems
    /// way too high honestly. are you sure? everyone I know in tech makes a lot less than that" was
    /// declined as a weak thanks. The reply a doubt deserves is where the figures come from, and when.
    /// </summary>
    [GeneratedRegex(
        @"^\s*(?:(?:hmm+|wait|but|ok|okay|so|and|like)[,.!?]*\s+)*(?:(?:are|r)\s+(?:you|u)\s+(?:really\s+)?(?:sure|certain)|(?:you|u)\s+sure"
        + @"|is\s+(?:any\s+of\s+|all\s+of\s+)?(?:that|this|it)\s+(?:really\s+|still\s+)*(?:right|true|correct|accurate|valid)|really|seriously|says\s+who"
        + @"|(?:are|r)\s+(?:you|u)\s+(?:just\s+)?making\s+(?:(?:this|that|these|those|the)\s+(?:numbers?|figures?|stats|answers?)|this|that|it|them|these|those)\s+up"
        + @"|did\s+(?:you|u)\s+(?:just\s+)?make\s+(?:(?:this|that|these|those|the)\s+(?:numbers?|figures?|stats|answers?)|this|that|it|them|these|those)\s+up"
        + @"|how\s+(?:do|can|would)\s+i\s+know\s+(?:that\s+)?(?:this|that|it|your\s+(?:advice|answers?|info|information|numbers|figures|data|guides))(?:\s+(?:on|about)(?:\s+[\w-]+){1,3}?)?"
        + @"\s+(?:is|isn't|isnt|is\s+not|are|aren't|arent|are\s+not)\s+(?:still\s+)?(?:outdated|out\s+of\s+date|true|right|correct|accurate|current|up\s+to\s+date|reliable))"
        + @"(?:\s+(?:about\s+)?(?:that|this|it|those\s+numbers|that\s+number))?(?:\s+(?:today|now|anymore|nowadays|these\s+days))?\s*[?!.]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Doubt();

    /// <summary>
    /// A dismissal of the previous answer ("that's bs", which got "you're welcome", "sounds like nonsense to
    /// me", "that's wrong"): a doubt too. Kept apart from <see cref="Doubt"/>: one expression with both
    /// compiles to one matcher of some 6,000 generated lines, and with it the peak memory under load
    /// was 5 MiB higher (docs/benchmarks.md).
    /// </summary>
    [GeneratedRegex(
        @"^\s*(?:(?:hmm+|wait|but|ok|okay|so|and|like)[,.!?]*\s+)*(?:(?:that|this|it)(?:'s|\u2019s|s|\s+is)|sounds\s+like)\s+(?:total\s+|complete\s+|utter\s+|such\s+)?"
        + @"(?:bs|bullshit|nonsense|rubbish|wrong|not\s+true|false|made\s+up)(?:\s+to\s+me)?\s*[?!.]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dismissal();

    /// <summary>
    /// A figure doubted as too low or too high ("that seems low", "hmm that's way too high", "sounds a bit
    /// optimistic"): after the entry-level pay, "that seems low" was declined naming "low". Kept apart from
    /// <see cref="Doubt"/> for the reason <see cref="Dismissal"/> is.
    /// </summary>
    [GeneratedRegex(
        @"^\s*(?:(?:hmm+|wait|but|ok|okay|so|and|huh|really)[,.!?]*\s+)*(?:(?:that|this|it|those|these)(?:'s|\u2019s|s|\s+is|\s+are|\s+seems?|\s+looks?|\s+sounds?)|seems|looks|sounds)\s+"
        + @"(?:(?:a\s+bit|a\s+little|kind\s+of|kinda|pretty|really|very|way|quite|rather|super|too)\s+){0,3}(?:low|high|optimistic|inflated)(?:\s+(?:to\s+me|honestly|tbh|imo|no))?\s*[?!.]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Implausible();

    /// <summary>Whether <paramref name="sentence"/> doubts or dismisses the previous answer.</summary>
    private static bool Doubts(string sentence) => Doubt().IsMatch(sentence) || Dismissal().IsMatch(sentence) || Implausible().IsMatch(sentence);
}

/// <summary>A follow-up's pointer to an item of the previous reply's list: the item, and what the message asks about it (empty when nothing).</summary>
public sealed record ItemPointer(string Item, string Rest);
