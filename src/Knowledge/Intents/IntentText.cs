using CareerBot.Knowledge.Analysis;

namespace CareerBot.Knowledge.Intents;

/// <summary>
/// What the intent model reads of a message, through the same <see cref="KnowledgeAnalyzer"/> as
/// passages and questions: the analysed terms (synonyms read, stemmed, but stop words kept) and the
/// lower-cased words as written (stop words kept: "thanks a lot", "what can you do"), each for word
/// n-grams, and those words again for character n-grams. The one place the classifier meets the text analysis.
/// </summary>
internal static class IntentText
{
    /// <summary>Names the analysis below; part of the training hash, so a model from another analysis is refused.</summary>
    public const string Version = "lucene-analyzer-2";

    /// <summary>The analysed terms (synonyms read, stemmed) with the stop words kept: "how much" and "should i" carry intent.</summary>
    public static string[] Tokens(string text, KnowledgeAnalyzer analyzer) => [.. analyzer.IntentTerms(text)];

    /// <summary>The lower-cased words as written (no synonyms, stop words kept, not stemmed).</summary>
    public static string[] Words(string text, KnowledgeAnalyzer analyzer) => [.. analyzer.Words(text)];

    /// <summary>The text character n-grams are read from: the lower-cased words, one space apart.</summary>
    public static string Characters(string[] words) => string.Join(' ', words);
}
