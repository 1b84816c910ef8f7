using System.Collections.Concurrent;
using System.Text;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Search;
using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Answers;

/// <summary>
/// Writes an answer from ranked passages, extractively: from each chosen passage the run of
/// consecutive sentences (or a list with its lead-in) that best covers the question, quoted
/// exactly and marked "[n]" for its citation. Nothing is paraphrased or invented.
/// </summary>
public sealed class AnswerComposer
{
    private const int MaxWindowUnits = 3;
    private const int MaxListItems = 12;
    private const int ShortAnswer = 320;

    private readonly PassageRetriever _retriever;
    private readonly KnowledgeAnalyzer _analyzer;

    /// <summary>
    /// Each quoted passage's sentence units and their stems, worked out the first time it is
    /// quoted and kept for the snapshot's life. Only passages that are quoted pay for it: laying
    /// out every passage up front cost a third of a large knowledge base's heap and load time.
    /// </summary>
    private readonly ConcurrentDictionary<Passage, Layout> _layouts = new(ReferenceEqualityComparer.Instance);

    private readonly Func<Passage, Layout> _layOut;

    public AnswerComposer(PassageRetriever retriever, KnowledgeAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        _retriever = retriever;
        _analyzer = analyzer;
        _layOut = LayOut;
    }

    /// <summary>The answer text and its citations, one per passage, numbered from 1.</summary>
    public (string Text, IReadOnlyList<Citation> Citations) Compose(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, double> stemWeights)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var text = new StringBuilder();
        var citations = new List<Citation>(passages.Count);
        foreach (var passage in passages)
        {
            var quote = SelectQuote(passage, stemWeights);
            var number = citations.Count + 1;
            citations.Add(new Citation(number, passage.Id, passage.GuideTitle, passage.Source, passage.SectionPath, quote, passage.Text, passage.Updated));
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            if (quote.StartsWith("- ", StringComparison.Ordinal))
            {
                // List items quoted without their lead-in: the passage heading says what they list.
                text.Append(passage.Heading).Append(":\n");
            }

            text.Append(quote).Append(" [").Append(number).Append(']');
        }

        return (text.ToString(), citations);
    }

    /// <summary>The best-covering run of units of the passage, as an exact substring of its text.</summary>
    public string SelectQuote(Passage passage, IReadOnlyDictionary<string, double> stemWeights)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(stemWeights);
        var layout = _layouts.GetOrAdd(passage, _layOut);
        var units = layout.Units;
        if (units.Count == 0 || (passage.IsQuestion && units.Count <= MaxWindowUnits && passage.Text.Length <= ShortAnswer))
        {
            // A short FAQ answer is quoted whole: cutting it would drop half of its answer.
            return passage.Text;
        }

        // The query's stems numbered, each with its worth (weight times idf), and each unit's matches
        // as a bit set over those numbers: no set or closure per unit or window.
        var numbers = new Dictionary<string, int>(stemWeights.Count, StringComparer.Ordinal);
        var worth = new double[stemWeights.Count];
        foreach (var (stem, weight) in stemWeights)
        {
            worth[numbers.Count] = weight * _retriever.IdfOf(stem);
            numbers.Add(stem, numbers.Count);
        }

        var words = Math.Max(1, (worth.Length + 63) / 64);
        var matches = new ulong[units.Count * words];
        for (var i = 0; i < units.Count; i++)
        {
            Mark(matches.AsSpan(i * words, words), layout.UnitStems[i], numbers);
        }

        if (passage.IsQuestion)
        {
            // An FAQ answer's opening sentence answers its question: it shares the question's words.
            Mark(matches.AsSpan(0, words), layout.HeadingStems, numbers);
        }

        var (first, last) = BestWindow(units, matches, words, worth, passage.IsQuestion);
        (first, last) = ExtendOverList(units, first, last, passage.Text);
        return passage.Text[units[first].Start..units[last].End];
    }

    /// <summary>The passage's units with the stems of each, after the same synonym and stop-word analysis as the query.</summary>
    private Layout LayOut(Passage passage)
    {
        var units = SentenceSplitter.Split(passage.Text);
        return new Layout(units, units.Select(u => KnowledgeSnapshot.Distinct(_analyzer.Tokens(u.Of(passage.Text))).ToArray()).ToArray(), [.. KnowledgeSnapshot.Distinct(_analyzer.Tokens(passage.Heading))]);
    }

    private sealed record Layout(List<TextUnit> Units, string[][] UnitStems, string[] HeadingStems);

    /// <summary>
    /// The window of up to three units whose combined query coverage, discounted for length,
    /// is highest: a unit joins only if it adds query terms the others lack.
    /// </summary>
    private static (int First, int Last) BestWindow(List<TextUnit> units, ulong[] matches, int words, double[] worth, bool isQuestion)
    {
        var bestFirst = 0;
        var bestLast = Math.Min(units.Count, isQuestion ? 2 : 1) - 1;
        var bestScore = 0.0;
        Span<ulong> covered = words <= 16 ? stackalloc ulong[words] : new ulong[words];
        for (var first = 0; first < units.Count; first++)
        {
            if (!matches.AsSpan(first * words, words).ContainsAnyExcept(0UL) && !(first == 0 && isQuestion))
            {
                continue;
            }

            covered.Clear();
            for (var last = first; last < units.Count && last - first < MaxWindowUnits; last++)
            {
                if (units[last].IsListItem != units[first].IsListItem)
                {
                    break;
                }

                var sum = 0.0;
                for (var w = 0; w < words; w++)
                {
                    covered[w] |= matches[(last * words) + w];
                    for (var bits = covered[w]; bits != 0; bits &= bits - 1)
                    {
                        sum += worth[(w * 64) + System.Numerics.BitOperations.TrailingZeroCount(bits)];
                    }
                }

                var score = sum / (1.0 + (0.35 * (last - first)));
                if (isQuestion && first == 0)
                {
                    score *= 1.25; // an FAQ answer's first sentences answer its question directly
                }

                if (score > bestScore + 1e-9)
                {
                    bestScore = score;
                    bestFirst = first;
                    bestLast = last;
                }
            }
        }

        return (bestFirst, bestLast);
    }

    private static void Mark(Span<ulong> bits, string[] stems, Dictionary<string, int> numbers)
    {
        foreach (var stem in stems)
        {
            if (numbers.TryGetValue(stem, out var n))
            {
                bits[n / 64] |= 1UL << (n % 64);
            }
        }
    }

    /// <summary>A lead-in ending in ':' takes its list; a short list's items take their lead-in.</summary>
    private static (int First, int Last) ExtendOverList(List<TextUnit> units, int first, int last, string text)
    {
        // A heading lead-in ("Highest paying states:") followed by the list's own lead-in sentence.
        while (last + 1 < units.Count && !units[last].IsListItem && text[units[last].End - 1] == ':' && units[last + 1].IntroducesList)
        {
            last++;
        }

        if (units[last].IntroducesList)
        {
            var end = last;
            while (end + 1 < units.Count && units[end + 1].IsListItem && end - last < MaxListItems)
            {
                end++;
            }

            return (first, end);
        }

        if (units[first].IsListItem)
        {
            var intro = first - 1;
            while (intro >= 0 && units[intro].IsListItem)
            {
                intro--;
            }

            if (intro >= 0 && units[intro].IntroducesList && first - intro <= 4)
            {
                var end = last;
                while (end + 1 < units.Count && units[end + 1].IsListItem && end - intro < MaxListItems)
                {
                    end++;
                }

                return (intro, end);
            }
        }

        return (first, last);
    }
}
