using Lucene.Net.Analysis;

namespace CareerBot.Knowledge.Analysis;

/// <summary>
/// Splits a token at its spaces into one token per word, each a position after the last. The
/// intent fields' synonym map writes a group's canonical phrase as one token ("machine learning
/// engineer"); split here, its words come out in reading order, where Lucene 4.8's
/// <c>SynonymFilter</c> would stack a longer phrase's extra words behind the words that follow
/// ("machine learning how engineer long"), which word n-grams would read as written.
/// </summary>
internal sealed class PhraseSplitFilter(TokenStream input) : SplittingTokenFilter(input)
{
    protected override bool MaySplit(ReadOnlySpan<char> term) => term.Contains(' ');

    protected override void Split(string term, Queue<string> parts)
    {
        foreach (var word in term.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            parts.Enqueue(word);
        }
    }
}
