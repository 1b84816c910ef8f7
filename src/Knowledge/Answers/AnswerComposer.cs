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

    /// <summary>How many of a list's items an answer asked for shorter quotes.</summary>
    private const int ShortListItems = 3;
    private const int ShortAnswer = 320;
    private const int LongAnswer = 700;
    private const int MaxMoreUnits = 6;
    private const int MaxComparisonUnits = 4;
    private const int MaxLeadExtension = 3;

    /// <summary>What a window keeps of its score when one of its units is about a year that has passed.</summary>
    private const double DatedShare = 0.7;

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
    public (string Text, IReadOnlyList<Citation> Citations) Compose(IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, double> stemWeights, QuoteFocus focus)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(focus);
        var text = new StringBuilder();
        var citations = new List<Citation>(passages.Count);
        var dated = new List<(int Number, int Year, DateOnly Updated)>();
        foreach (var passage in passages)
        {
            var (quote, earliestYear) = Select(passage, stemWeights, focus);
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
            if (earliestYear < focus.Year)
            {
                dated.Add((number, earliestYear, passage.Updated));
            }
        }

        foreach (var (number, year, updated) in dated)
        {
            text.Append("\n\n").Append(Replies.PastYear(number, year, updated));
        }

        return (text.ToString(), citations);
    }

    /// <summary>
    /// The run of units of the passage that best answers the question, as an exact substring of
    /// its text: the sentences that carry the question's terms (and a figure, or both compared
    /// sides, when it asks for them), a lead-in always with what it introduces, and a sentence that
    /// refers back always with the one it refers to.
    /// </summary>
    public string SelectQuote(Passage passage, IReadOnlyDictionary<string, double> stemWeights, QuoteFocus focus) =>
        Select(passage, stemWeights, focus).Quote;

    /// <summary><see cref="SelectQuote"/>, with the earliest year its units name (<see cref="int.MaxValue"/> for none).</summary>
    private (string Quote, int EarliestYear) Select(Passage passage, IReadOnlyDictionary<string, double> stemWeights, QuoteFocus focus)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(stemWeights);
        ArgumentNullException.ThrowIfNull(focus);
        var layout = _layouts.GetOrAdd(passage, _layOut);
        var units = layout.Units;
        if (units.Count == 0
            || (!focus.Short && (passage.IsQuestion || passage.AlternateQuestions.Count > 0) && units.Count <= MaxWindowUnits && passage.Text.Length <= ShortAnswer)
            || (focus.More && passage.Text.Length <= LongAnswer))
        {
            // A short answer to a question is quoted whole: an FAQ answer, or a section that lists the
            // questions it answers. Cutting it drops half of its answer ("do ml engineers work
            // overtime" quoted the 9-to-5 sentence and left out the deadlines that stretch it). So is
            // a passage asked for at more length that is no longer than a long answer.
            return Whole(passage, layout);
        }

        int first, last;
        if (focus.More && focus.ContinuesIn is { } continued && string.Equals(continued, passage.Id, StringComparison.Ordinal))
        {
            // "tell me more" about a passage the answer quoted in part: what follows the part it
            // quoted, or else what comes before it. Quoting the best stretch again at more length
            // repeated the answer: the salary passage's sentences and list were quoted a second
            // time, still without the sentence after them.
            var (shownFirst, shownLast) = QuotedUnits(passage, layout, stemWeights, focus with { More = false, ContinuesIn = null });
            if (shownLast + 1 < units.Count && !(focus.Reason && shownFirst > 0))
            {
                (first, last) = (shownLast + 1, Math.Min(units.Count - 1, shownLast + MaxMoreUnits));
            }
            else if (shownFirst > 0)
            {
                (first, last) = (Math.Max(0, shownFirst - MaxMoreUnits), shownFirst - 1);
            }
            else
            {
                return Whole(passage, layout);
            }

            (first, last) = ExtendOverList(units, first, last, passage.Text, MaxListItems);
            (first, last) = ExtendOverLead(units, first, last, passage);
            first = ExtendBack(units, first, layout.RefersBack); // a sentence that refers back keeps the one it refers to
        }
        else
        {
            (first, last) = QuotedUnits(passage, layout, stemWeights, focus);
        }

        var earliest = int.MaxValue;
        for (var i = first; i <= last; i++)
        {
            earliest = Math.Min(earliest, layout.EarliestYear[i]);
        }

        return (passage.Text[units[first].Start..units[last].End], earliest);
    }

    /// <summary>The whole passage, with the earliest year it names.</summary>
    private static (string Quote, int EarliestYear) Whole(Passage passage, Layout layout) =>
        (passage.Text, layout.EarliestYear.Length == 0 ? int.MaxValue : layout.EarliestYear.Min());

    /// <summary>The first and last of the units <see cref="Select"/> quotes for <paramref name="focus"/>.</summary>
    private (int First, int Last) QuotedUnits(Passage passage, Layout layout, IReadOnlyDictionary<string, double> stemWeights, QuoteFocus focus)
    {
        var units = layout.Units;

        // The query's stems numbered, each with its worth (weight times idf), then one more number
        // for "a figure" when the question asks for one, worth as much as its best word. Each
        // unit's matches are a bit set over those numbers: no set or closure per unit or window.
        var slots = stemWeights.Count + (focus.WantsFigure ? 1 : 0);
        var numbers = new Dictionary<string, int>(stemWeights.Count, StringComparer.Ordinal);
        var worth = new double[slots];
        var best = 1.0;
        foreach (var (stem, weight) in stemWeights)
        {
            worth[numbers.Count] = weight * _retriever.IdfOf(stem);
            best = numbers.Count == 0 ? worth[0] : Math.Max(best, worth[numbers.Count]);
            numbers.Add(stem, numbers.Count);
        }

        var words = Math.Max(1, (slots + 63) / 64);
        var own = new ulong[units.Count * words];
        var dated = new bool[units.Count];
        for (var i = 0; i < units.Count; i++)
        {
            Mark(own.AsSpan(i * words, words), layout.UnitStems[i], numbers);
            if (focus.WantsFigure && layout.HasFigure[i])
            {
                own[(i * words) + (numbers.Count / 64)] |= 1UL << (numbers.Count % 64);
            }

            dated[i] = layout.EarliestYear[i] < focus.Year;
        }

        if (focus.WantsFigure)
        {
            worth[numbers.Count] = best;
        }

        var matches = own;
        if (passage.IsQuestion || AsksInHeading(passage.Heading))
        {
            // An FAQ answer's opening sentence answers its question: it shares the question's words.
            matches = (ulong[])own.Clone();
            Mark(matches.AsSpan(0, words), layout.HeadingStems, numbers);
        }

        var sides = focus.Sides.Select(side => SideMask(side, numbers, words)).Where(m => m.AsSpan().ContainsAnyExcept(0UL)).ToArray();
        var window = new Window(units, matches, own, words, worth, sides.Length == focus.Sides.Count ? sides : [], dated, focus.WantsFigure ? numbers.Count : -1);
        var maxUnits = focus.Short ? 1 : focus.More ? MaxMoreUnits : sides.Length > 1 ? MaxComparisonUnits : MaxWindowUnits;
        var (first, last) = window.Best(passage.IsQuestion, maxUnits);
        if (focus.More)
        {
            // Asked for more: the best sentences and those after them, up to the longer limit.
            while (last + 1 < units.Count && last - first + 1 < maxUnits && units[last + 1].IsListItem == units[first].IsListItem)
            {
                last++;
            }
        }

        if (focus.Short)
        {
            // Asked for it shorter: the best sentence, a list it introduces cut to its first items,
            // and not a section's introduction carried on into the passage's own text.
            (first, last) = ExtendOverList(units, first, last, passage.Text, ShortListItems);
        }
        else
        {
            (first, last) = ExtendOverList(units, first, last, passage.Text, MaxListItems);
            (first, last) = ExtendOverLead(units, first, last, passage);
        }

        return (ExtendBack(units, first, layout.RefersBack), last);
    }

    private static readonly string[] QuestionWords = ["how ", "what ", "why ", "where ", "when ", "which ", "who "];

    /// <summary>A heading phrased as a question without its mark ("How to become a machine learning engineer").</summary>
    private static bool AsksInHeading(string heading) =>
        QuestionWords.Any(w => heading.StartsWith(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The passage's units with the stems of each, after the same synonym and stop-word analysis as the query.</summary>
    private Layout LayOut(Passage passage)
    {
        var units = SentenceSplitter.Split(passage.Text);
        return new Layout(
            units,
            units.Select(u => KnowledgeSnapshot.Distinct(_analyzer.Tokens(u.Of(passage.Text))).ToArray()).ToArray(),
            [.. KnowledgeSnapshot.Distinct(_analyzer.Tokens(passage.Heading))],
            units.Select(u => QuoteFocus.HasFigure(passage.Text.AsSpan(u.Start, u.Length))).ToArray(),
            units.Select(u => QuoteFocus.EarliestYearIn(passage.Text.AsSpan(u.Start, u.Length))).ToArray(),
            units.Select(u => RefersBack(passage.Text.AsSpan(u.Start, u.Length))).ToArray());
    }

    /// <summary>
    /// A passage laid out for quoting: its units, each unit's stems, the heading's stems, and per
    /// unit whether it holds a figure, the earliest year it names (<see cref="int.MaxValue"/> for
    /// none) and whether it refers back to the unit before it.
    /// </summary>
    private sealed record Layout(List<TextUnit> Units, string[][] UnitStems, string[] HeadingStems, bool[] HasFigure, int[] EarliestYear, bool[] RefersBack);

    /// <summary>The bits of a compared side's stems among the query's numbered stems.</summary>
    private static ulong[] SideMask(IReadOnlySet<string> side, Dictionary<string, int> numbers, int words)
    {
        var mask = new ulong[words];
        foreach (var stem in side)
        {
            if (numbers.TryGetValue(stem, out var n))
            {
                mask[n / 64] |= 1UL << (n % 64);
            }
        }

        return mask;
    }

    /// <summary>
    /// The windows of a passage's units and their scores: the query coverage of the units
    /// together (<c>matches</c>, an FAQ's heading counted with its first unit), discounted for
    /// length; halved when the units themselves (<c>own</c>) leave out a compared side, and cut
    /// when one of them is about a year that has passed. A list item with a word of the question
    /// is scored with its lead-in; <c>FigureSlot</c> is the number of "a figure" (-1 when the
    /// question asks for none), which alone does not make an item's word.
    /// </summary>
    private readonly record struct Window(List<TextUnit> Units, ulong[] Matches, ulong[] Own, int Words, double[] Worth, ulong[][] Sides, bool[] Dated, int FigureSlot)
    {
        /// <summary>The best window of up to <paramref name="maxUnits"/> units: a unit joins only if it adds query terms the others lack.</summary>
        public (int First, int Last) Best(bool isQuestion, int maxUnits)
        {
            var bestFirst = 0;
            var bestLast = Math.Min(Units.Count, isQuestion ? 2 : 1) - 1;
            var bestScore = 0.0;
            Span<ulong> covered = Words <= 16 ? stackalloc ulong[Words] : new ulong[Words];
            Span<ulong> ownCovered = Words <= 16 ? stackalloc ulong[Words] : new ulong[Words];
            for (var first = 0; first < Units.Count; first++)
            {
                if (!Matches.AsSpan(first * Words, Words).ContainsAnyExcept(0UL) && !(first == 0 && isQuestion))
                {
                    continue;
                }

                covered.Clear();
                ownCovered.Clear();
                var dated = false;

                // A list item that has a word of the question is quoted with its lead-in, so the
                // lead-in's words count for it (not its length, or an item further down, quoted
                // without it, would win on length alone): "do ml engineers in california
                // make more" is answered by the item "California: $139,620" under "The best-paying
                // US states for ML engineers, by average salary:", not by the section's opening on
                // pay in general. An item with a figure alone does not ("what affects how much an
                // ML engineer is paid" keeps the opening that names the factors).
                var intro = HasWord(first) ? IntroOf(Units, first) : -1;
                if (intro >= 0)
                {
                    Or(covered, Matches.AsSpan(intro * Words, Words));
                    Or(ownCovered, Own.AsSpan(intro * Words, Words));
                    dated = Dated[intro];
                }

                for (var last = first; last < Units.Count && last - first < maxUnits; last++)
                {
                    if (Units[last].IsListItem != Units[first].IsListItem)
                    {
                        break;
                    }

                    dated |= Dated[last];
                    var sum = 0.0;
                    for (var w = 0; w < Words; w++)
                    {
                        covered[w] |= Matches[(last * Words) + w];
                        ownCovered[w] |= Own[(last * Words) + w];
                        for (var bits = covered[w]; bits != 0; bits &= bits - 1)
                        {
                            sum += Worth[(w * 64) + System.Numerics.BitOperations.TrailingZeroCount(bits)];
                        }
                    }

                    var score = sum / (1.0 + (0.35 * (last - first)));
                    if (isQuestion && first == 0)
                    {
                        score *= 1.25; // an FAQ answer's first sentences answer its question directly
                    }

                    if (!CoversEverySide(ownCovered))
                    {
                        score *= 0.5; // "A vs B" answered with A alone
                    }

                    if (dated)
                    {
                        score *= DatedShare; // a current sentence that answers as well goes first
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

        /// <summary>True when the unit holds a word of the question, not only the figure it asks for.</summary>
        private bool HasWord(int unit)
        {
            var own = Own.AsSpan(unit * Words, Words);
            for (var w = 0; w < Words; w++)
            {
                var bits = own[w];
                if (FigureSlot >= 0 && FigureSlot / 64 == w)
                {
                    bits &= ~(1UL << (FigureSlot % 64));
                }

                if (bits != 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Adds the bits of <paramref name="from"/> to <paramref name="into"/>.</summary>
        private static void Or(Span<ulong> into, ReadOnlySpan<ulong> from)
        {
            for (var w = 0; w < into.Length; w++)
            {
                into[w] |= from[w];
            }
        }

        private bool CoversEverySide(ReadOnlySpan<ulong> covered)
        {
            foreach (var side in Sides)
            {
                var hit = false;
                for (var w = 0; w < side.Length && !hit; w++)
                {
                    hit = (side[w] & covered[w]) != 0;
                }

                if (!hit)
                {
                    return false;
                }
            }

            return true;
        }
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
    private static (int First, int Last) ExtendOverList(List<TextUnit> units, int first, int last, string text, int maxItems)
    {
        // A heading lead-in ("Highest paying states:") followed by the list's own lead-in sentence.
        while (last + 1 < units.Count && !units[last].IsListItem && text[units[last].End - 1] == ':' && units[last + 1].IntroducesList)
        {
            last++;
        }

        if (units[last].IntroducesList)
        {
            var end = last;
            while (end + 1 < units.Count && units[end + 1].IsListItem && end - last < maxItems)
            {
                end++;
            }

            return (first, end);
        }

        if (IntroOf(units, first) is var intro and >= 0)
        {
            var end = last;
            while (end + 1 < units.Count && units[end + 1].IsListItem && end - intro < maxItems)
            {
                end++;
            }

            return (intro, end);
        }

        return (first, last);
    }

    /// <summary>
    /// The lead-in a list item is quoted with: the sentence that introduces its list, when the
    /// item is among the list's first four; -1 for a unit that is no such item.
    /// </summary>
    private static int IntroOf(List<TextUnit> units, int item)
    {
        if (!units[item].IsListItem)
        {
            return -1;
        }

        var intro = item - 1;
        while (intro >= 0 && units[intro].IsListItem)
        {
            intro--;
        }

        return intro >= 0 && units[intro].IntroducesList && item - intro <= 4 ? intro : -1;
    }

    /// <summary>
    /// A quote does not end on what only leads into something else: a subsection's heading line
    /// at the end of a longer quote is dropped, one quoted alone takes the sentence it introduces,
    /// and a section's introduction takes its first subsection's opening ("ML engineering brings
    /// difficulties…" alone names none of them).
    /// </summary>
    private static (int First, int Last) ExtendOverLead(List<TextUnit> units, int first, int last, Passage passage)
    {
        var text = passage.Text;
        while (last > first && text[units[last].End - 1] == ':' && !units[last].IntroducesList)
        {
            last--; // a subsection's heading line at the end of a longer quote leads away from it
        }

        var extended = last;
        while (extended + 1 < units.Count && units[extended].End <= passage.LeadLength)
        {
            extended++; // past the section's introduction, into this passage's own text
        }

        for (var added = 0; extended + 1 < units.Count && added < MaxLeadExtension && text[units[extended].End - 1] == ':' && !units[extended].IntroducesList; added++)
        {
            extended++;
        }

        return extended > last ? ExtendOverList(units, first, extended, text, MaxListItems) : (first, last);
    }

    /// <summary>A sentence that refers back ("These pipelines…", "The blog adds…", "…exactly those problems") takes the sentence before it.</summary>
    private static int ExtendBack(List<TextUnit> units, int first, bool[] refersBack) =>
        first > 0 && refersBack[first] && !units[first].IsListItem && !units[first - 1].IsListItem ? first - 1 : first;

    /// <summary>
    /// True when a sentence points back at the one before it: it opens with a pronoun or a
    /// connective ("This", "They", "However", "Another"), says "also", "adds" or "too" in its first
    /// words, or names "these" or "those" anywhere.
    /// </summary>
    private static bool RefersBack(ReadOnlySpan<char> sentence)
    {
        var word = 0;
        foreach (var range in sentence.Split(' '))
        {
            var w = sentence[range].Trim("\"'(\u201C\u2018").TrimEnd(",;:.\"'\u201D\u2019)");
            if (word == 0 && OpeningBackReferences.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
            {
                return true;
            }

            if ((word is >= 1 and <= 3 && (w is "also" or "adds" or "too")) || (word == 1 && w is "further") || w is "these" or "those")
            {
                return true;
            }

            word++;
        }

        return false;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> OpeningBackReferences =
        System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal, "This", "These", "That", "Those", "It", "They", "Such", "Both", "Also", "But", "However", "Still", "Another");
}
