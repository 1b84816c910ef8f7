using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// The query-time side of the full-text index, in memory: the same documents FTS5 indexes
/// (analysed title and body), split and stemmed as FTS5's <c>porter unicode61</c> tokenizer
/// does, scored with FTS5's own bm25() formula (k1 1.2, b 0.75, column weights, idf floored
/// at 1e-6). FTS5 stays the persisted index and the vocabulary for typo correction; a SQLite
/// call per question costs more than the whole rest of a turn, so questions are answered here.
/// Built once per knowledge snapshot; immutable and thread-safe.
/// </summary>
public sealed class MemoryPassageSearch : IPassageSearch
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly Dictionary<string, int> _stemIds = new(StringComparer.Ordinal);
    private readonly Posting[][] _postings;
    private readonly int[] _documentLengths;
    private readonly int[][] _titles;
    private readonly int[][] _bodies;
    private readonly double _averageLength;
    private readonly double _titleWeight;
    private readonly double _bodyWeight;

    public MemoryPassageSearch(IReadOnlyList<Passage> passages, TextAnalyzer analyzer, IReadOnlyDictionary<string, int> vocabulary, double titleWeight, double bodyWeight)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(analyzer);
        Vocabulary = vocabulary;
        _titleWeight = titleWeight;
        _bodyWeight = bodyWeight;
        _titles = new int[passages.Count][];
        _bodies = new int[passages.Count][];
        _documentLengths = new int[passages.Count];
        var postings = new List<List<Posting>>();
        long total = 0;
        var pieces = new List<string>();
        for (var doc = 0; doc < passages.Count; doc++)
        {
            _titles[doc] = Ids(analyzer.Analyze(PassageIndex.TitleOf(passages[doc])), pieces, postings);
            _bodies[doc] = Ids(analyzer.Analyze(passages[doc].Text), pieces, postings);
            _documentLengths[doc] = _titles[doc].Length + _bodies[doc].Length;
            total += _documentLengths[doc];
            Count(_titles[doc], doc, title: true, postings);
            Count(_bodies[doc], doc, title: false, postings);
        }

        _postings = postings.Select(p => p.ToArray()).ToArray();
        _averageLength = passages.Count == 0 ? 1 : Math.Max(1, (double)total / passages.Count);
    }

    public IReadOnlyDictionary<string, int> Vocabulary { get; }

    public IReadOnlyList<SearchHit> Search(IReadOnlyList<string> terms, int limit)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (limit <= 0 || _documentLengths.Length == 0)
        {
            return [];
        }

        var scratch = t_scratch ??= new Scratch();
        scratch.Reset(_documentLengths.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (string.IsNullOrWhiteSpace(term) || !seen.Add(term))
            {
                continue;
            }

            scratch.Pieces.Clear();
            Fts5Tokens(term, scratch.Pieces);
            if (scratch.Pieces.Count == 0)
            {
                continue;
            }

            AddPhrase(scratch);
        }

        return scratch.Top(limit);
    }

    /// <summary>Scores one quoted term (a phrase when FTS5 would split it into several tokens).</summary>
    private void AddPhrase(Scratch scratch)
    {
        var ids = new int[scratch.Pieces.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!_stemIds.TryGetValue(scratch.Pieces[i], out ids[i]))
            {
                return; // a token no passage has: the phrase matches nothing
            }
        }

        var matches = scratch.Matches;
        matches.Clear();
        foreach (var posting in _postings[ids[0]])
        {
            if (ids.Length == 1)
            {
                matches.Add(posting);
                continue;
            }

            var title = PhraseCount(_titles[posting.Document], ids);
            var body = PhraseCount(_bodies[posting.Document], ids);
            if (title + body > 0)
            {
                matches.Add(new Posting(posting.Document, title, body));
            }
        }

        if (matches.Count == 0)
        {
            return;
        }

        var documents = _documentLengths.Length;
        var idf = Math.Log((documents - matches.Count + 0.5) / (matches.Count + 0.5));
        if (idf <= 0.0)
        {
            idf = 1e-6;
        }

        foreach (var match in matches)
        {
            var frequency = (_titleWeight * match.TitleCount) + (_bodyWeight * match.BodyCount);
            var length = _documentLengths[match.Document];
            scratch.Add(match.Document, idf * frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * length / _averageLength)))));
        }
    }

    private static int PhraseCount(int[] tokens, int[] phrase)
    {
        var count = 0;
        for (var i = 0; i + phrase.Length <= tokens.Length; i++)
        {
            var j = 0;
            while (j < phrase.Length && tokens[i + j] == phrase[j])
            {
                j++;
            }

            if (j == phrase.Length)
            {
                count++;
            }
        }

        return count;
    }

    private int[] Ids(List<string> analysed, List<string> pieces, List<List<Posting>> postings)
    {
        pieces.Clear();
        foreach (var token in analysed)
        {
            Fts5Tokens(token, pieces);
        }

        var ids = new int[pieces.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!_stemIds.TryGetValue(pieces[i], out var id))
            {
                id = _stemIds.Count;
                _stemIds.Add(pieces[i], id);
                postings.Add([]);
            }

            ids[i] = id;
        }

        return ids;
    }

    private static void Count(int[] ids, int document, bool title, List<List<Posting>> postings)
    {
        foreach (var id in ids)
        {
            var list = postings[id];
            if (list.Count > 0 && list[^1].Document == document)
            {
                var last = list[^1];
                list[^1] = title ? last with { TitleCount = last.TitleCount + 1 } : last with { BodyCount = last.BodyCount + 1 };
            }
            else
            {
                list.Add(new Posting(document, title ? 1 : 0, title ? 0 : 1));
            }
        }
    }

    /// <summary>
    /// What FTS5's <c>porter unicode61</c> tokenizer makes of an already analysed token: it
    /// splits at anything but letters and digits ("3.5", "c++") and stems each piece of
    /// three or more characters.
    /// </summary>
    internal static void Fts5Tokens(string token, List<string> output)
    {
        var start = -1;
        for (var i = 0; i <= token.Length; i++)
        {
            var inToken = i < token.Length && char.IsLetterOrDigit(token[i]);
            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                var piece = token[start..i].ToLowerInvariant();
                output.Add(piece.Length < 3 ? piece : PorterStemmer.Stem(piece));
                start = -1;
            }
        }
    }

    private readonly record struct Posting(int Document, int TitleCount, int BodyCount);

    /// <summary>Per-thread score accumulators, so a search allocates only its result.</summary>
    private sealed class Scratch
    {
        private double[] _scores = [];
        private readonly List<int> _touched = [];

        public List<string> Pieces { get; } = [];

        public List<Posting> Matches { get; } = [];

        public void Reset(int documents)
        {
            if (_scores.Length < documents)
            {
                _scores = new double[documents];
            }
            else
            {
                foreach (var doc in _touched)
                {
                    _scores[doc] = 0;
                }
            }

            _touched.Clear();
        }

        public void Add(int document, double score)
        {
            if (_scores[document] == 0)
            {
                _touched.Add(document);
            }

            _scores[document] += score;
        }

        /// <summary>The best documents, highest score first; ties go to the lower ordinal, as FTS5's rowid order.</summary>
        public List<SearchHit> Top(int limit)
        {
            var hits = new List<SearchHit>(Math.Min(limit, _touched.Count));
            if (_touched.Count <= limit)
            {
                foreach (var doc in _touched)
                {
                    hits.Add(new SearchHit(doc, _scores[doc]));
                }
            }
            else
            {
                // A min-heap of the best so far; most documents lose to its weakest at once and never touch it.
                var heap = new PriorityQueue<int, (double Score, int Negated)>(limit);
                foreach (var doc in _touched)
                {
                    var priority = (_scores[doc], -doc);
                    if (heap.Count < limit)
                    {
                        heap.Enqueue(doc, priority);
                    }
                    else if (heap.TryPeek(out _, out var weakest) && priority.CompareTo(weakest) > 0)
                    {
                        heap.DequeueEnqueue(doc, priority);
                    }
                }

                while (heap.TryDequeue(out var doc, out _))
                {
                    hits.Add(new SearchHit(doc, _scores[doc]));
                }
            }

            hits.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Ordinal.CompareTo(b.Ordinal));
            return hits;
        }
    }
}
