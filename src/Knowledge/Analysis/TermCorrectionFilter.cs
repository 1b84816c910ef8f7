using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace CareerBot.Knowledge.Analysis;

/// <summary>
/// Replaces each word that is not a stop word by what the corrector makes of it. Runs on
/// questions only, before synonyms, so that "sallary" is read as "salary" and then as its group.
/// </summary>
internal sealed class TermCorrectionFilter : TokenFilter
{
    private readonly ITermCorrector _corrector;
    private readonly CharArraySet _stopWords;
    private readonly ICharTermAttribute _term;

    public TermCorrectionFilter(TokenStream input, ITermCorrector corrector, CharArraySet stopWords)
        : base(input)
    {
        _corrector = corrector;
        _stopWords = stopWords;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_stopWords.Contains(_term.Buffer, 0, _term.Length))
        {
            var word = _term.ToString();
            var corrected = _corrector.Correct(word);
            if (!string.Equals(word, corrected, StringComparison.Ordinal))
            {
                _term.SetEmpty().Append(corrected);
            }
        }

        return true;
    }
}
