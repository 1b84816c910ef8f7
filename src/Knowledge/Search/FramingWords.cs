namespace CareerBot.Knowledge.Search;

/// <summary>
/// Words that frame a question rather than name its subject ("what kind of", "exactly",
/// "is it enough", "a good way to"). Unlike stop words they stay in the index and in the
/// query, but when ranking they count for little: a passage should not win because it
/// happens to say "exactly" or "look" where the question did.
/// </summary>
public static class FramingWords
{
    public static readonly IReadOnlySet<string> English = new HashSet<string>(StringComparer.Ordinal)
    {
        "actually", "anyone", "anything", "basically", "bit", "doable", "enough", "everybody", "everyone", "exactly", "feasible", "few",
        "first", "generally", "genius", "give", "given", "gives", "good", "hear", "heard", "hearing", "kind", "kinds", "know", "look", "looks", "mean", "means",
        "mention", "mentioned", "mentioning", "mentions", "nothing", "pretty",
        "put", "face", "honest", "overkill", "sorry", "trouble", "bother", "excuse", "thank", "thanks", "grateful", "concretely", "kindly", "advise", "outline", "went", "later", "lately", "friend", "friends", "jump", "qualify", "carries", "carry", "legitimate", "left", "ago", "honestly", "son", "daughter", "kid", "kids", "child", "children", "parent", "parents", "approx", "approximately", "ballpark", "roughly", "said", "someone", "something", "sort", "sorts", "specifically", "stuff", "way", "ways",

        // The asker's own doing and thinking ("which skills should I prioritise first?", "I'm wondering if …",
        // "I kind of forgot most of it", "hypothetically if I already knew Python", "in her last year of school", "none at NeurIPS",
        // "what do employers seem to expect", "one word answer"): named in a decline, they read as the subject the guides lack.
        "prioritise", "prioritize", "prioritising", "prioritizing", "wonder", "wondering", "wondered", "meant", "forgot", "forget", "forgotten",
        "hypothetically", "hypothetical", "knew", "additional", "sound", "sounds", "sounded", "last", "lastly", "none", "seem", "seems", "seemed", "word",

        // Seeing as thinking or noticing ("won't employers just see it as me giving up?", "Is an online master's
        // … seen the same as an in-person one?", "saw this on a blog"): it names no subject. The one passage that
        // said it, an alternate question of the computer vision section, drew the first there. A framing word
        // rather than a stop word, it still weighs a little: as a stop word, "… My english is not perfect like
        // you can see" passed the bar on the portfolio passage.
        "see", "sees", "seeing", "seen", "saw",

        // When the asker stands ("does a PhD still give you an edge … these days?", "is kaggle still worth doing",
        // "roughly ten hours per week"): the guides answer the question, not the moment,
        // and as words they use little or never these diluted the coverage of the passage that answers, and were
        // named in declines. A number in words frames as its digits do. "currently" is not one: "I am 40 years old and
        // self-taught in programming, currently working in a bank … whether age will be a barrier" then passed the bar
        // with a passage that says nothing of age, where the guides' silence on age is the answer.
        "still", "nowadays", "anymore", "today", "todays",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",

        // How much the asker means it ("What would a genuinely impressive junior portfolio look like?", "hire
        // fully remote", "leaving ML altogether"): the portfolio question was declined naming "genuinely" alone.
        "genuinely", "truly", "fully", "altogether",

        // A hedge or a verb of going after ("how am I supposed to compete …", "someone of my age to pursue a
        // role in data science"): declines named "supposed" and "pursue" as if they were the subject the guides
        // lack. Not "guess": after "i want to know about jobs", "in AI i guess" then quoted the certifications
        // passage for "AI" (the Azure AI Engineer certificate), where it had been declined.
        "suppose", "supposed", "reckon", "pursue", "pursuing",

        // A hedge before the asker's options ("Which specialisation would fit me best, maybe time series or causal
        // inference?" was declined naming "maybe").
        "maybe", "perhaps",

        // How the asker wants it said or what the bot does ("just tell me the salary no fluff", "Do the salaries
        // you quote apply to people outside the US?", "Are you able to export all this as a PDF for me?"): each
        // was declined naming the word, as if it were the subject the guides lack. Not "drafting": "Can you draft
        // a short outreach message …" then lost its reply that the bot writes nothing, to a closest answer on
        // senior engineers.
        "fluff", "quote", "quoted", "quoting", "able",

        // The doubt a question about the outlook is put against ("Is it a stable career or a fad?" was declined naming
        // "fad"): the outlook answers it. As an alternate question's word instead, it drew "Would she need to be very
        // strong at maths for it?" after that question to the outlook passage, the carried-over "fad" outweighing maths.
        "fad", "fads",

        // Chat shorthand ("ngl the market looks cooked rn, hows the outlook tbh"): it frames the message, and
        // as words no guide uses it would dilute the coverage of every passage and be named in a decline.
        "btw", "fr", "idk", "imho", "imo", "lmao", "lol", "ngl", "pls", "plz", "ppl", "rn", "tbh", "tho", "u", "ur", "wanna", "gonna", "gotta", "kinda", "sorta", "k", "kk", "nah", "yeah", "yep", "nope",

        // Slang praise ("im 16 and ML sounds sick 🔥 what do i need 2 learn rn??" was declined naming "sick").
        "sick",
    };

    /// <summary>The words' stems, as the analyzer leaves them in a query.</summary>
    public static readonly IReadOnlySet<string> Stems = English.Select(Analysis.KnowledgeAnalyzer.StemOf).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether an analysed (stemmed) term only frames the question: a framing word, or a number of up
    /// to three digits ("I'm 29", "10 hrs a week"), its ordinal ("in 11th grade", "my 4th year") or its thousands ("80k"),
    /// which tells about the asker rather than naming a subject. A year ("in 2026") names one.
    /// </summary>
    public static bool IsFramingTerm(string term) => Stems.Contains(term) || IsSmallNumber(term) || IsSmallOrdinal(term) || IsThousands(term);

    private static bool IsSmallNumber(ReadOnlySpan<char> term) => term.Length is > 0 and <= 3 && term.IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>
    /// An amount in thousands the asker names ("is 80k good for a junior", "an offer of 95k base"): the figure
    /// they weigh, not a subject. Both were declined naming it, where the guides' pay by level answers them.
    /// </summary>
    private static bool IsThousands(string term) =>
        term.Length > 1 && term[^1] == 'k' && IsSmallNumber(term.AsSpan(0, term.Length - 1));

    private static bool IsSmallOrdinal(string term) =>
        term.Length > 2 && IsSmallNumber(term.AsSpan(0, term.Length - 2))
        && term.AsSpan(term.Length - 2) is "st" or "nd" or "rd" or "th";
}
