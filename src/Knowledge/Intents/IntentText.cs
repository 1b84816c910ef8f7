using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Intents;

/// <summary>
/// What the intent model reads of a message: the analysed tokens (for word n-grams) and the
/// lower-case text they came from (for character n-grams). The one place the classifier meets
/// the text analysis, so the pipeline and every prediction analyse alike.
/// </summary>
internal static class IntentText
{
    /// <summary>Names the analysis below; part of the training hash, so a model from another analysis is refused.</summary>
    public const string Version = "text-analyzer-1";

    public static string[] Tokens(string text, SynonymMap synonyms)
    {
        var words = synonyms.Apply(Tokenizer.Tokenize(text));
        var tokens = new string[words.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = PorterStemmer.Stem(words[i]);
        }

        return tokens;
    }

    /// <summary>The text character n-grams are read from: the words after synonyms, one space apart.</summary>
    public static string Characters(string text, SynonymMap synonyms) => string.Join(' ', synonyms.Apply(Tokenizer.Tokenize(text)));
}
