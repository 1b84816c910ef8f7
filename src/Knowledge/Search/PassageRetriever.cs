using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// Ranks passages for a query: candidates from the full-text index (BM25 over title and
/// body), then re-ranked here by how much of the query each covers, how well its heading
/// matches the question, and whether it is tagged with the intent's topic. Immutable; safe to share.
/// </summary>
public sealed class PassageRetriever
{
    private readonly IPassageSearch _search;
    private readonly IReadOnlyList<Passage> _passages;
    /// <summary>Every stem of the passages, numbered; a passage keeps its stems as sorted numbers, not as a set of strings.</summary>
    private readonly Dictionary<string, int> _stemIds = new(StringComparer.Ordinal);
    private readonly int[][] _passageStems;
    private readonly int[][] _headingStems;
    /// <summary>Each stem's inverse document frequency, by stem number.</summary>
    private readonly double[] _stemIdf;
    /// <summary>Each passage's heading weight: the summed IDF of its heading's stems.</summary>
    private readonly double[] _headingIdf;
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
            var stems = Keys(analyzer.Stems(PassageIndex.TitleOf(passages[i]) + "\n" + passages[i].Text)); // distinct
            _passageStems[i] = Ids(stems);
            _headingStems[i] = Ids(Keys(analyzer.Stems(passages[i].Heading)));
            foreach (var stem in stems)
            {
                documentFrequency[stem] = documentFrequency.GetValueOrDefault(stem) + 1;
            }
        }

        _idf = documentFrequency.ToDictionary(p => p.Key, p => Idf(passages.Count, p.Value), StringComparer.Ordinal);
        _documentFrequency = documentFrequency;
        _stemIdf = new double[_stemIds.Count];
        foreach (var (stem, id) in _stemIds)
        {
            _stemIdf[id] = _idf.GetValueOrDefault(stem, Idf(passages.Count, 0));
        }

        _headingIdf = new double[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            foreach (var id in _headingStems[i])
            {
                _headingIdf[i] += _stemIdf[id];
            }
        }
    }

    public IReadOnlyList<Passage> Passages => _passages;

    /// <summary>Inverse document frequency of a stem; unknown stems weigh the most.</summary>
    public double IdfOf(string stem) => _idf.TryGetValue(Key(stem), out var idf) ? idf : Idf(_passages.Count, 0);

    public IReadOnlyList<RankedPassage> Retrieve(RetrievalQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var weights = StemWeights(query);
        if (weights.Count == 0)
        {
            return [];
        }

        // The message's own words pick the candidates; words carried over from the previous turn
        // only weigh in coverage, or a follow-up ("what about a software engineer?") would be
        // ranked by the heading of the question before it.
        var hits = _search.Search(SelectiveTerms(query.Terms.Count > 0 ? [.. query.Terms] : [.. query.ContextTerms]), _options.Candidates);
        if (hits.Count == 0)
        {
            return [];
        }

        var maxBm25 = hits.Max(h => h.Score);

        // The query's stems by number, in the weights' order so that coverage adds up exactly as before.
        var weighted = new (int Id, double Weight)[weights.Count];
        var queryWeights = new Dictionary<int, double>(weights.Count);
        var total = 0.0;
        var next = 0;
        foreach (var (stem, weight) in weights)
        {
            var id = _stemIds.TryGetValue(Key(stem), out var known) ? known : -1;
            var idf = weight * IdfOf(stem);
            weighted[next++] = (id, idf);
            total += idf;
            if (id >= 0)
            {
                queryWeights[id] = queryWeights.GetValueOrDefault(id) + idf;
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
            var topicBoost = 1.0 + (_options.TopicBoost * TopicShareOf(query, passage));
            var headingBoost = 1.0 + (_options.HeadingBoost * HeadingMatch(hit.Ordinal, queryWeights, total));
            var bm25 = maxBm25 > 0 ? hit.Score / maxBm25 : 0;
            var score = Math.Pow(bm25, _options.Bm25Exponent) * topicBoost * headingBoost * ((1.0 - _options.CoverageWeight) + (_options.CoverageWeight * coverage));
            ranked.Add(new RankedPassage(passage, score, hit.Score, coverage));
        }

        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Passage.Id, b.Passage.Id));
        return ranked.Count > limit ? ranked.GetRange(0, limit) : ranked;
    }

    /// <summary>
    /// How much of the topic boost a passage earns (0..1): all of it when it is tagged with the
    /// query's topic; with two topics the classifier could not tell apart, the shares of those it
    /// is tagged with, so a passage on both ("duties by level" for a junior's duties) comes before
    /// one on either alone, whichever of the two won by a hair.
    /// </summary>
    private static double TopicShareOf(RetrievalQuery query, Passage passage)
    {
        if (query.TopicShares.Count == 0)
        {
            return query.Topic is { } topic && passage.HasTopic(topic) ? 1.0 : 0.0;
        }

        var share = 0.0;
        foreach (var (topic, weight) in query.TopicShares)
        {
            if (passage.HasTopic(topic))
            {
                share += weight;
            }
        }

        return Math.Min(share, 1.0);
    }

    /// <summary>
    /// How well a passage's heading states the question (0..1): the harmonic mean of the IDF
    /// share of the heading that the question asks about and the IDF share of the question
    /// that the heading names. A heading made of the question's own distinctive words is the
    /// surest sign of the right passage; one that shares only the words every passage has
    /// ("machine learning engineer") counts little, and a long heading that merely mentions
    /// the question's word counts less than one that is about it.
    /// </summary>
    private double HeadingMatch(int ordinal, Dictionary<int, double> queryWeights, double queryTotal)
    {
        var matched = 0.0;
        var asked = 0.0;
        foreach (var id in _headingStems[ordinal])
        {
            if (queryWeights.TryGetValue(id, out var weight))
            {
                matched += _stemIdf[id];
                asked += weight;
            }
        }

        var precision = _headingIdf[ordinal] > 0 ? matched / _headingIdf[ordinal] : 0;
        var recall = queryTotal > 0 ? asked / queryTotal : 0;
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
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
    /// is left to re-ranking, which still counts it; so is a word that only frames the question.
    /// All terms go when none is selective.
    /// </summary>
    private List<string> SelectiveTerms(List<string> terms)
    {
        var selective = terms.Where(t => !FramingWords.IsFramingWord(t) && _documentFrequency.GetValueOrDefault(Key(PorterStemmer.Stem(t))) <= _passages.Count * _options.CommonTermShare).ToList();
        return selective.Count > 0 ? selective : terms;
    }

    /// <summary>
    /// Each query stem's weight: 1 for this message's terms, less for words that only frame
    /// the question and for terms carried over from the previous turn.
    /// </summary>
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
            weights[PorterStemmer.Stem(term)] = FramingWords.IsFramingWord(term) ? _options.FramingWordWeight : 1.0;
        }

        return weights;
    }

    /// <summary>
    /// The stem re-ranking compares: Porter turns a final "y" into "i" ("deployed" becomes
    /// "deploi") but keeps it where it strips a suffix after it ("deployment" becomes "deploy");
    /// re-ranking reads both as one stem.
    /// </summary>
    internal static string Key(string stem) => stem.Length > 3 && stem[^1] == 'i' ? string.Concat(stem.AsSpan(0, stem.Length - 1), "y") : stem;

    /// <summary>The distinct keys of <paramref name="stems"/>, in order.</summary>
    private static List<string> Keys(List<string> stems)
    {
        var keys = new List<string>(stems.Count);
        foreach (var stem in stems)
        {
            var key = Key(stem);
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private static double Idf(int passages, int documentFrequency) => Math.Log(1.0 + ((passages + 1.0) / (documentFrequency + 0.5)));
}
