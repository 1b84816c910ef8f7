namespace CareerBot.Knowledge.Text;

/// <summary>
/// The analysis chain, composed in one place: tokenize, correct typos (queries only),
/// rewrite synonyms, drop stop words. Stemming is left to the index (FTS5 porter) and to
/// <see cref="Stems"/> where terms are compared here.
/// </summary>
public sealed class TextAnalyzer(SynonymMap synonyms)
{
    public SynonymMap Synonyms { get; } = synonyms;

    /// <summary>Index-time and baseline analysis: tokens, synonyms, no stop words.</summary>
    public List<string> Analyze(string text) => Analyze(text, corrector: null);

    /// <summary>Query-time analysis: as <see cref="Analyze(string)"/>, correcting unknown words first.</summary>
    public List<string> Analyze(string text, ITermCorrector? corrector)
    {
        var tokens = Tokenizer.Tokenize(text);
        if (corrector is not null)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!StopWords.IsStopWord(tokens[i]))
                {
                    tokens[i] = corrector.Correct(tokens[i]);
                }
            }
        }

        var rewritten = Synonyms.Apply(tokens);
        rewritten.RemoveAll(StopWords.IsStopWord);
        return rewritten;
    }

    /// <summary>Distinct stems of the analysed text, in first-seen order.</summary>
    public List<string> Stems(string text, ITermCorrector? corrector = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stems = new List<string>();
        foreach (var term in Analyze(text, corrector))
        {
            var stem = PorterStemmer.Stem(term);
            if (seen.Add(stem))
            {
                stems.Add(stem);
            }
        }

        return stems;
    }
}

/// <summary>Maps a word the index does not know to the closest one it does.</summary>
public interface ITermCorrector
{
    string Correct(string token);
}
