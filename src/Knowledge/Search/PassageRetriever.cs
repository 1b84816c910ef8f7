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
    private readonly HashSet<string>[] _passageStems;
    private readonly HashSet<string>[] _headingStems;
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
        _passageStems = new HashSet<string>[passages.Count];
        _headingStems = new HashSet<string>[passages.Count];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < passages.Count; i++)
        {
            var stems = new HashSet<string>(analyzer.Stems(PassageIndex.TitleOf(passages[i]) + "\n" + passages[i].Text), StringComparer.Ordinal);
            _passageStems[i] = stems;
            _headingStems[i] = new HashSet<string>(analyzer.Stems(passages[i].Heading), StringComparer.Ordinal);
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
            foreach (var (stem, weight) in weights)
            {
                if (stems.Contains(stem))
                {
                    covered += weight * IdfOf(stem);
                }
            }

            var coverage = total > 0 ? covered / total : 0;
            var topicBoost = query.Topic is { } topic && passage.HasTopic(topic) ? 1.0 + _options.TopicBoost : 1.0;
            // A heading made of the question's own words is the surest sign of the right passage.
            var heading = _headingStems[hit.Ordinal];
            var headingPrecision = heading.Count == 0 ? 0 : heading.Count(weights.ContainsKey) / (double)heading.Count;
            var headingBoost = 1.0 + (_options.HeadingBoost * headingPrecision);
            var score = (maxBm25 > 0 ? hit.Score / maxBm25 : 0) * topicBoost * headingBoost * ((1.0 - _options.CoverageWeight) + (_options.CoverageWeight * coverage));
            ranked.Add(new RankedPassage(passage, score, hit.Score, coverage));
        }

        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Passage.Id, b.Passage.Id));
        return ranked.Count > limit ? ranked.GetRange(0, limit) : ranked;
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
