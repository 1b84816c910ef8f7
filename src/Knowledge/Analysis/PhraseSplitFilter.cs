using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace CareerBot.Knowledge.Analysis;

/// <summary>
/// Splits a token at its spaces into one token per word, each a position after the last. The
/// intent fields' synonym map writes a group's canonical phrase as one token ("machine learning
/// engineer"); split here, its words come out in reading order, where Lucene 4.8's
/// <c>SynonymFilter</c> would stack a longer phrase's extra words behind the words that follow
/// ("machine learning how engineer long"), which word n-grams would read as written.
/// </summary>
internal sealed class PhraseSplitFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly Queue<string> _parts = new();
    private State? _state;

    public PhraseSplitFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_parts.Count > 0)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_parts.Dequeue());
            _position.PositionIncrement = 1;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var phrase = _term.ToString();
        if (!phrase.Contains(' ', StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            _parts.Enqueue(word);
        }

        _term.SetEmpty().Append(_parts.Dequeue());
        _state = CaptureState();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _parts.Clear();
        _state = null;
    }
}
