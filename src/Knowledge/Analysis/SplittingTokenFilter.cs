using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace CareerBot.Knowledge.Analysis;

/// <summary>
/// A filter that may split a token into several, each a position after the last: <see cref="Split"/>
/// says where; the first part takes the token's place and the rest follow with its other attributes.
/// </summary>
internal abstract class SplittingTokenFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly Queue<string> _parts = new();
    private State? _state;

    protected SplittingTokenFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public sealed override bool IncrementToken()
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

        if (!MaySplit(_term.Buffer.AsSpan(0, _term.Length)))
        {
            return true; // the common case: no string is made of the token
        }

        Split(_term.ToString(), _parts);
        if (_parts.Count == 0)
        {
            return true;
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

    /// <summary>A cheap look at the token's characters: false when it certainly stays whole.</summary>
    protected abstract bool MaySplit(ReadOnlySpan<char> term);

    /// <summary>Adds the token's parts to <paramref name="parts"/>, or nothing to keep it whole.</summary>
    protected abstract void Split(string term, Queue<string> parts);
}
