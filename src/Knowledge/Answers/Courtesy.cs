namespace CareerBot.Knowledge.Answers;

/// <summary>
/// A courtesy that opens a message before its question ("thank you. what mean MLOps, is it a
/// different job?", "ok thanks. where do I start", "hi, how much do juniors earn?"). The classifier
/// read the two newcomer examples as thanks (0.81, 0.96) and the bot only said "you're welcome":
/// the question after the courtesy is the message.
/// </summary>
internal static class Courtesy
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "hi", "hello", "hey", "hiya", "yo", "thanks", "thank", "you", "thx", "ty", "ok", "okay", "cool", "great", "good",
        "morning", "afternoon", "evening", "cheers", "nice", "awesome", "perfect", "got", "it", "sure", "alright", "right",
        "nvm", "hmm", "interesting", "wow", "oh", "ah", "well", "so", "careerbot", "bot", "there", "much", "very", "lol",
        "sweet", "understood", "makes", "sense", "noted", "fair", "enough", "and", "a", "lot", "again", "all", "for", "that",
        "helpful", "useful", "brilliant", "excellent", "fine", "aight", "then",
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
        for (var round = 0; round < 3; round++)
        {
            if (SoOpening(rest) is { } opened)
            {
                rest = opened;
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
    /// The text after a run of courtesy words that ends in "so" or "then" ("ok so what's the minimum degree",
    /// "alright so how long does it take", "ok then can you tell me …"), which opens a question as a comma would; null when there
    /// is none. The run has to end there: "thanks so much for the help" is thanks.
    /// </summary>
    private static string? SoOpening(string text)
    {
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[16];
        var rest = text.AsSpan().TrimStart();
        var afterSo = -1;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf(' ');
            var word = end < 0 ? rest : rest[..end];
            if (word.Length > lower.Length || !lookup.Contains(lower[..word.ToLowerInvariant(lower)]))
            {
                break;
            }

            afterSo = (word.Equals("so", StringComparison.OrdinalIgnoreCase) || word.Equals("then", StringComparison.OrdinalIgnoreCase)) && end >= 0
                ? text.Length - rest.Length + end
                : -1;
            rest = end < 0 ? [] : rest[end..].TrimStart();
        }

        if (afterSo < 0 || rest.IsEmpty)
        {
            return null;
        }

        var tail = text[afterSo..].TrimStart();
        return Analysis.KnowledgeAnalyzer.WordsOf(tail).Count < 2 ? null : tail;
    }
}
