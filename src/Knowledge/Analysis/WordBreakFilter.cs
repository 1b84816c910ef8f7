using Lucene.Net.Analysis;

namespace CareerBot.Knowledge.Analysis;

/// <summary>
/// Splits a token at a dot or colon between two letters: the standard tokenizer keeps "Ph.D",
/// "U.S" and "title:python" whole (Unicode word-break rules), where the synonyms and the
/// guides read "ph d", "u s" and "title python". A dot between digits ("3.5") stays.
/// </summary>
internal sealed class WordBreakFilter(TokenStream input) : SplittingTokenFilter(input)
{
    protected override bool MaySplit(ReadOnlySpan<char> term) => term.IndexOfAny('.', ':') >= 0;

    protected override void Split(string term, Queue<string> parts)
    {
        var start = 0;
        for (var i = 1; i < term.Length - 1; i++)
        {
            if (term[i] is '.' or ':' && char.IsLetter(term[i - 1]) && char.IsLetter(term[i + 1]))
            {
                parts.Enqueue(term[start..i]);
                start = i + 1;
            }
        }

        if (parts.Count > 0)
        {
            parts.Enqueue(term[start..]);
        }
    }
}
