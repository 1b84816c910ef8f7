namespace CareerBot.Knowledge.Text;

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
        "actually", "anyone", "anything", "basically", "enough", "exactly",
        "generally", "good", "kind", "kinds", "know", "look", "looks", "mean", "means",
        "put", "someone", "something", "sort", "sorts", "specifically", "stuff", "way", "ways",
    };

    public static bool IsFramingWord(string term) => English.Contains(term);
}
