using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// Ranks passages for a query: candidates from the full-text index (BM25 over title and
/// body), then re-ranked here by how much of the query each covers and whether it is
/// tagged with the intent's topic. Immutable; safe to share.
/// </summary>
public sealed class PassageRetriever
{
    private readonly IPassageSearch _search;
    private readonly IReadOnlyList<Passage> _passages;
    /// <summary>Every stem of the passages, numbered; a passage keeps its stems as sorted numbers, not as a set of strings.</summary>
    private readonly Dictionary<string, int> _stemIds = new(StringComparer.Ordinal);
    private readonly int[][] _passageStems;
    private readonly int[][] _headingStems;
    private readonly Dictionary<string, double> _idf;
    private readonly Dictionary<string, int> _documentFrequency;
    private readonly RetrievalOptions _options;

    public PassageRetriever(IPassageSearch search, IReadOnlyList<Passage> passages, TextAnalyzer analyzer, RetrievalOptions options)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(analyzer);
        _search = search;
        _passages = passages;
        _options = options;
        _passageStems = new int[passages.Count][];
        _headingStems = new int[passages.Count][];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < passages.Count; i++)
        {
            var stems = analyzer.Stems(PassageIndex.TitleOf(passages[i]) + "\n" + passages[i].Text); // distinct
            _passageStems[i] = Ids(stems);
            _headingStems[i] = Ids(analyzer.Stems(passages[i].Heading));
            foreach (var stem in stems)
            {
                documentFrequency[stem] = documentFrequency.GetValueOrDefault(stem) + 1;
            }
        }

        _idf = documentFrequency.ToDictionary(p => p.Key, p => Idf(passages.Count, p.Value), StringComparer.Ordinal);
        _documentFrequency = documentFrequency;
    }

    public IReadOnlyList<Passage> Passages => _passages;

    /// <summary>Inverse document frequency of a stem; unknown stems weigh the most.</summary>
    public double IdfOf(string stem) => _idf.TryGetValue(stem, out var idf) ? idf : Idf(_passages.Count, 0);

    public IReadOnlyList<RankedPassage> Retrieve(RetrievalQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var weights = StemWeights(query);
        if (weights.Count == 0)
        {
            return [];
        }

        var hits = _search.Search(SelectiveTerms([.. query.Terms, .. query.ContextTerms]), _options.Candidates);
        if (hits.Count == 0)
        {
            return [];
        }

        var total = weights.Sum(w => w.Value * IdfOf(w.Key));
        var maxBm25 = hits.Max(h => h.Score);

        // The query's stems by number, in the weights' order so that coverage adds up exactly as before.
        var weighted = new (int Id, double Weight)[weights.Count];
        var queryIds = new HashSet<int>();
        var next = 0;
        foreach (var (stem, weight) in weights)
        {
            var id = _stemIds.TryGetValue(stem, out var known) ? known : -1;
            weighted[next++] = (id, weight * IdfOf(stem));
            if (id >= 0)
            {
                queryIds.Add(id);
            }
        }

        var ranked = new List<RankedPassage>(hits.Count);
        foreach (var hit in hits)
        {
            var passage = _passages[hit.Ordinal];
            if (query.Exclude.Contains(passage.Id))
            {
                continue;
            }

            var stems = _passageStems[hit.Ordinal];
            var covered = 0.0;
            foreach (var (id, weight) in weighted)
            {
                if (id >= 0 && Array.BinarySearch(stems, id) >= 0)
                {
                    covered += weight;
                }
            }

            var coverage = total > 0 ? covered / total : 0;
            var topicBoost = query.Topic is { } topic && passage.HasTopic(topic) ? 1.0 + _options.TopicBoost : 1.0;
            // A heading made of the question's own words is the surest sign of the right passage.
            var heading = _headingStems[hit.Ordinal];
            var headingPrecision = heading.Length == 0 ? 0 : heading.Count(queryIds.Contains) / (double)heading.Length;
            var headingBoost = 1.0 + (_options.HeadingBoost * headingPrecision);
            var score = (maxBm25 > 0 ? hit.Score / maxBm25 : 0) * topicBoost * headingBoost * ((1.0 - _options.CoverageWeight) + (_options.CoverageWeight * coverage));
            ranked.Add(new RankedPassage(passage, score, hit.Score, coverage));
        }

        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Passage.Id, b.Passage.Id));
        return ranked.Count > limit ? ranked.GetRange(0, limit) : ranked;
    }

    /// <summary>The numbers of distinct stems, sorted for binary search; a new stem gets the next number.</summary>
    private int[] Ids(List<string> stems)
    {
        var ids = new int[stems.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!_stemIds.TryGetValue(stems[i], out ids[i]))
            {
                ids[i] = _stemIds.Count;
                _stemIds.Add(stems[i], ids[i]);
            }
        }

        Array.Sort(ids);
        return ids;
    }

    /// <summary>
    /// The terms worth sending to the index: a term found in most passages ("machine learning
    /// engineer" here) barely moves BM25 but makes the index score nearly every passage, so it
    /// is left to re-ranking, which still counts it. All terms go when none is selective.
    /// </summary>
    private List<string> SelectiveTerms(List<string> terms)
    {
        var selective = terms.Where(t => _documentFrequency.GetValueOrDefault(PorterStemmer.Stem(t)) <= _passages.Count * _options.CommonTermShare).ToList();
        return selective.Count > 0 ? selective : terms;
    }

    /// <summary>Each query stem's weight: 1 for this message's terms, less for terms carried over from the previous turn.</summary>
    public Dictionary<string, double> StemWeights(RetrievalQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in query.ContextTerms)
        {
            weights[PorterStemmer.Stem(term)] = _options.ContextTermWeight;
        }

        foreach (var term in query.Terms)
        {
            weights[PorterStemmer.Stem(term)] = 1.0;
        }

        return weights;
    }

    private static double Idf(int passages, int documentFrequency) => Math.Log(1.0 + ((passages + 1.0) / (documentFrequency + 0.5)));
}
