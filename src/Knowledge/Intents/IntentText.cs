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
    public const string Version = "lucene-analyzer-3";

    private const string Start = "<s>";
    private const string End = "</s>";

    /// <summary>Fills <paramref name="row"/>'s feature columns for <paramref name="text"/> as <paramref name="options"/> asks.</summary>
    public static void Fill(IntentInput row, string text, KnowledgeAnalyzer analyzer, IntentTrainerOptions options)
    {
        var terms = analyzer.IntentTerms(text);
        var words = analyzer.IntentWords(text);
        row.Tokens = options.SentenceMarkers ? [Start, .. terms, End] : [.. terms];
        row.Words = options.SentenceMarkers ? [Start, .. words, End] : [.. words];
        if (options.CharactersPerWord)
        {
            row.WordCharacters = WordCharacters(words, options.CharNgramMinLength, options.CharNgramLength);
            row.Characters = string.Empty;
        }
        else
        {
            row.WordCharacters = [];
            row.Characters = string.Join(' ', words);
        }
    }

    /// <summary>Character n-grams of each word padded <c>^word$</c>, lengths <paramref name="min"/> to <paramref name="max"/>.</summary>
    internal static string[] WordCharacters(IReadOnlyList<string> words, int min, int max)
    {
        var grams = new List<string>();
        foreach (var word in words)
        {
            var padded = $"^{word}$";
            for (var n = min; n <= max; n++)
            {
                for (var start = 0; start + n <= padded.Length; start++)
                {
                    grams.Add(padded.Substring(start, n));
                }
            }
        }

        return [.. grams];
    }
}
