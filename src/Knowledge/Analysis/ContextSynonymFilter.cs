using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace CareerBot.Knowledge.Analysis;

/// <summary>
/// Rewrites a conditional synonym ("make") to its canonical term ("salary") only where one of
/// its contexts follows it: given words, the end of the text, or a number. Lucene's
/// <c>SynonymFilter</c> has no right context, so this filter looks ahead itself; it runs just
/// before it, on the same lower-cased words.
/// </summary>
internal sealed class ContextSynonymFilter : TokenFilter
{
    private readonly Dictionary<string, ContextRule[]> _rules;
    private readonly Dictionary<string, ContextRule[]>.AlternateLookup<ReadOnlySpan<char>> _rulesBySpan;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly List<(State State, string Word)> _ahead = [];
    private readonly Queue<(State State, string Word, bool Added)> _pending = new();
    private bool _ended;

    /// <param name="rules">The rules by first word; its comparer must be <see cref="StringComparer.Ordinal"/>.</param>
    public ContextSynonymFilter(TokenStream input, Dictionary<string, ContextRule[]> rules)
        : base(input)
    {
        _rules = rules;
        _rulesBySpan = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count == 0 && _ahead.Count == 0)
        {
            // Nothing read ahead: a word no rule starts with passes as it is, without capturing its state.
            if (_ended || !m_input.IncrementToken())
            {
                _ended = true;
                return false;
            }

            if (!_rulesBySpan.ContainsKey(_term.Buffer.AsSpan(0, _term.Length)))
            {
                return true;
            }

            _ahead.Add((CaptureState(), _term.ToString()));
        }

        if (_pending.Count == 0 && !Advance())
        {
            return false;
        }

        var (state, word, added) = _pending.Dequeue();
        RestoreState(state);
        _term.SetEmpty().Append(word);
        if (added)
        {
            _position.PositionIncrement = 1;
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _ahead.Clear();
        _pending.Clear();
        _ended = false;
    }

    /// <summary>Queues the next token, or the canonical words of a rule that matches from it on.</summary>
    private bool Advance()
    {
        if (!Fill(1))
        {
            return false;
        }

        if (_rules.TryGetValue(_ahead[0].Word, out var rules))
        {
            foreach (var rule in rules)
            {
                Fill(rule.Member.Length + rule.LongestContext);
                if (Matches(0, rule.Member) && Precedes(rule.Member.Length, rule.Contexts))
                {
                    var state = _ahead[0].State;
                    _ahead.RemoveRange(0, rule.Member.Length);
                    for (var i = 0; i < rule.Canonical.Length; i++)
                    {
                        _pending.Enqueue((state, rule.Canonical[i], i > 0));
                    }

                    return true;
                }
            }
        }

        _pending.Enqueue((_ahead[0].State, _ahead[0].Word, false));
        _ahead.RemoveAt(0);
        return true;
    }

    /// <summary>Reads ahead until <paramref name="count"/> tokens wait or the input ends.</summary>
    private bool Fill(int count)
    {
        while (_ahead.Count < count && !_ended)
        {
            if (m_input.IncrementToken())
            {
                _ahead.Add((CaptureState(), _term.ToString()));
            }
            else
            {
                _ended = true;
            }
        }

        return _ahead.Count >= count;
    }

    private bool Precedes(int start, string[][] contexts)
    {
        foreach (var context in contexts)
        {
            var found = context[0] switch
            {
                SynonymRules.EndContext => start == _ahead.Count && _ended,
                SynonymRules.NumberContext => start < _ahead.Count && char.IsAsciiDigit(_ahead[start].Word[0]),
                _ => Matches(start, context),
            };
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    private bool Matches(int start, string[] words)
    {
        if (start + words.Length > _ahead.Count)
        {
            return false;
        }

        for (var j = 0; j < words.Length; j++)
        {
            if (!string.Equals(_ahead[start + j].Word, words[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
