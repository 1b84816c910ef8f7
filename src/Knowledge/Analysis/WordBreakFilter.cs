using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace CareerBot.Knowledge.Analysis;

/// <summary>
/// Splits a token at a dot or colon between two letters: the standard tokenizer keeps "Ph.D",
/// "U.S" and "title:python" whole (Unicode word-break rules), where the synonyms and the
/// guides read "ph d", "u s" and "title python". A dot between digits ("3.5") stays.
/// </summary>
internal sealed class WordBreakFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly Queue<string> _parts = new();
    private State? _state;

    public WordBreakFilter(TokenStream input)
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

        if (_term.Buffer.AsSpan(0, _term.Length).IndexOfAny('.', ':') < 0)
        {
            return true; // nothing to split: no string made of the word
        }

        var word = _term.ToString();
        var start = 0;
        for (var i = 1; i < word.Length - 1; i++)
        {
            if (word[i] is '.' or ':' && char.IsLetter(word[i - 1]) && char.IsLetter(word[i + 1]))
            {
                _parts.Enqueue(word[start..i]);
                start = i + 1;
            }
        }

        if (_parts.Count == 0)
        {
            return true;
        }

        _parts.Enqueue(word[start..]);
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
