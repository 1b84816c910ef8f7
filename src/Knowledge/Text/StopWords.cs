namespace CareerBot.Knowledge.Text;

/// <summary>
/// English function words that carry no topic. They are dropped before indexing and
/// searching so that they never drive ranking; the intent classifier still sees them.
/// </summary>
public static class StopWords
{
    public static readonly IReadOnlySet<string> English = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "arent", "be", "been", "before", "being", "both", "but", "by",
        "can", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "during",
        "each", "either", "etc", "even", "ever", "every",
        "for", "from", "get", "gets", "getting", "got",
        "had", "has", "hasnt", "have", "havent", "having", "he", "her", "here", "him", "his", "how",
        "i", "if", "im", "in", "into", "is", "isnt", "it", "its", "ive",
        "just", "let", "like", "lot", "lots",
        "many", "may", "me", "might", "more", "most", "much", "must", "my",
        "need", "needed", "needs",
        "no", "nor", "not", "now",
        "of", "off", "often", "on", "one", "ones", "only", "or", "other", "our", "out", "over", "own",
        "please", "quite", "rather", "really",
        "s", "same", "she", "should", "shouldnt", "so", "some", "such",
        "t", "tell", "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things",
        "this", "those", "through", "to", "too",
        "u", "under", "until", "up", "us", "use", "used", "using",
        "very", "want", "was", "wasnt", "we", "well", "were", "what", "whats", "when", "where", "which", "while",
        "who", "whom", "whose", "why", "will", "with", "within", "wont", "would", "wouldnt",
        "yes", "yet", "you", "your", "youre",
    };

    public static bool IsStopWord(string token) => English.Contains(token);
}
