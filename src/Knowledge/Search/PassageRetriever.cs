using CareerBot.Knowledge.Guides;

namespace CareerBot.Knowledge.Search;

/// <summary>
/// Ranks passages for a query: candidates from the Lucene index (BM25 over heading, section
/// path, body and alternate questions), then re-ranked here by how much of the query each covers, how well its heading
/// and its closest alternate question match the question, and whether it is tagged with the intent's topic. Immutable; safe to share.
/// </summary>
public sealed class PassageRetriever
{
    private readonly PassageIndex _index;
    private readonly IReadOnlyList<Passage> _passages;
    /// <summary>Every term of the index, numbered by its key; a passage keeps its terms as sorted numbers, not as a set of strings.</summary>
    private readonly Dictionary<string, int> _stemIds = new(StringComparer.Ordinal);
    private readonly int[][] _passageStems;
    private readonly int[][] _headingStems;
    /// <summary>Each term's inverse document frequency, by term number.</summary>
    private readonly double[] _stemIdf;
    /// <summary>Each term's document frequency, by term number.</summary>
    private readonly int[] _stemFrequency;
    /// <summary>Each passage's heading weight: the summed IDF of its heading's terms.</summary>
    private readonly double[] _headingIdf;
    /// <summary>Each passage's alternate questions, each as its sorted term numbers (terms the index has) and their summed IDF.</summary>
    private readonly (int[] Stems, double Idf)[][] _alternates;
    private readonly RetrievalOptions _options;
    private readonly RoleNames _roles;

    /// <summary>The roles each passage names, found the first time a query that names a role ranks it; empty without roles.</summary>
    private readonly int[] _passageRoles;

    private const int UnknownRoles = -1;

    /// <summary>
    /// What a passage about other roles keeps of its score in a comparison that names none of them:
    /// without it, "what's the actual difference between research scientist and ML engineer" matched
    /// the software engineer comparison's heading and alternates ("difference", "machine learning
    /// engineer") and was answered with it, above the one passage that names research scientists.
    /// </summary>
    private const double OtherRolesFactor = 0.5;

    /// <summary>
    /// What a passage that names a role the comparison asks about, and covers enough of the question,
    /// gains: "AI engineer vs ML engineer" was answered with the zengig definition of the ML engineer
    /// (no role named, "artificial intelligence" said), above the passage on becoming an AI engineer.
    /// One that covers too little stays where it was: raised, the software engineer comparison came
    /// first for "which pays better, ML engineer or software engineer, …" and was quoted as the closest.
    /// </summary>
    private const double AskedRoleFactor = 1.5;

    /// <summary>
    /// Reads the re-ranking statistics from the index: the terms of each passage and of its
    /// heading from the postings, their document frequencies from the term dictionary. No passage
    /// is analysed again; only its alternate questions are, one by one, with
    /// <paramref name="analyze"/> (the chain they were indexed with), when
    /// <see cref="RetrievalOptions.AlternateBoost"/> is on.
    /// </summary>
    public PassageRetriever(PassageIndex index, RetrievalOptions options, Func<string, IReadOnlyList<string>>? analyze = null, RoleNames? roles = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        _index = index;
        _passages = index.Passages;
        _options = options;
        var count = _passages.Count;
        _roles = roles ?? RoleNames.None;
        _passageRoles = _roles.Count == 0 ? [] : new int[count];
        Array.Fill(_passageRoles, UnknownRoles);
        var passageStems = Lists(count);
        foreach (var (term, _, documents) in index.Postings())
        {
            var id = IdOf(term);
            foreach (var doc in documents)
            {
                passageStems[doc].Add(id);
            }
        }

        var headingStems = Lists(count);
        foreach (var (term, _, documents) in index.Postings(headingsOnly: true))
        {
            var id = IdOf(term);
            foreach (var doc in documents)
            {
                headingStems[doc].Add(id);
            }
        }

        _passageStems = passageStems.Select(Distinct).ToArray();
        _headingStems = headingStems.Select(Distinct).ToArray();
        _stemFrequency = new int[_stemIds.Count];
        foreach (var stems in _passageStems)
        {
            foreach (var id in stems)
            {
                _stemFrequency[id]++;
            }
        }

        _stemIdf = _stemFrequency.Select(f => Idf(count, f)).ToArray();
        _headingIdf = new double[count];
        for (var i = 0; i < count; i++)
        {
            foreach (var id in _headingStems[i])
            {
                _headingIdf[i] += _stemIdf[id];
            }
        }

        _alternates = new (int[] Stems, double Idf)[count][];
        for (var i = 0; i < count; i++)
        {
            _alternates[i] = analyze is null || options.AlternateBoost <= 0
                ? []
                : _passages[i].AlternateQuestions.Select(q => KnownStems(analyze(q))).Where(a => a.Stems.Length > 0).ToArray();
        }
    }

    /// <summary>The distinct, sorted numbers of the terms the index has, with their summed IDF.</summary>
    private (int[] Stems, double Idf) KnownStems(IReadOnlyList<string> terms)
    {
        var ids = new List<int>(terms.Count);
        foreach (var term in terms)
        {
            if (_stemIds.TryGetValue(Key(term), out var id))
            {
                ids.Add(id);
            }
        }

        var stems = Distinct(ids);
        return (stems, stems.Sum(id => _stemIdf[id]));
    }

    public IReadOnlyList<Passage> Passages => _passages;

    /// <summary>Inverse document frequency of an analysed term; unknown terms weigh the most.</summary>
    public double IdfOf(string stem) => _stemIds.TryGetValue(Key(stem), out var id) ? _stemIdf[id] : Idf(_passages.Count, 0);

    /// <summary>Whether some passage uses the analysed term <paramref name="stem"/>.</summary>
    public bool Knows(string stem) => FrequencyOf(stem) > 0;

    public IReadOnlyList<RankedPassage> Retrieve(RetrievalQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var weights = StemWeights(query);
        if (weights.Count == 0)
        {
            return [];
        }

        var hits = _index.Search(SelectiveTerms(CandidateTerms(query)), _options.Candidates);
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

        var roleTerms = query.Roles == 0 ? null : RoleTermIds(query.Roles);
        var ranked = new List<RankedPassage>(hits.Count);
        foreach (var hit in hits)
        {
            var passage = _passages[hit.Ordinal];
            if (query.Exclude.Contains(passage.Id))
            {
                continue;
            }

            var stems = _passageStems[hit.Ordinal];
            // A passage that names other roles and none of those the question compares is about the
            // other roles: the data scientist comparisons, for "ML engineer vs research scientist",
            // say "scientist" and "research prototypes". Those words are not covered there, nor is the
            // topic. One that names no other role is about ML engineers alone, one side of the question.
            var named = query.Roles == 0 || _roles.Count == 0 ? 0 : RolesOf(hit.Ordinal);
            var otherRoles = named != 0 && (query.Roles & named) == 0;
            var uncovered = otherRoles ? roleTerms : null;
            var covered = 0.0;
            foreach (var (id, weight) in weighted)
            {
                if (id >= 0 && Array.BinarySearch(stems, id) >= 0 && uncovered?.Contains(id) != true)
                {
                    covered += weight;
                }
            }

            var coverage = total > 0 ? covered / total : 0;
            var topicBoost = otherRoles ? 1.0 : 1.0 + (_options.TopicBoost * TopicShareOf(query, passage));
            var headingBoost = (1.0 + (_options.HeadingBoost * Match(_headingStems[hit.Ordinal], _headingIdf[hit.Ordinal], queryWeights, total, uncovered)))
                * (1.0 + (_options.AlternateBoost * AlternateMatch(hit.Ordinal, queryWeights, total, uncovered)));

            var bm25 = maxBm25 > 0 ? hit.Score / maxBm25 : 0;
            var score = Math.Pow(bm25, _options.Bm25Exponent) * topicBoost * headingBoost * ((1.0 - _options.CoverageWeight) + (_options.CoverageWeight * coverage));
            if (otherRoles)
            {
                score *= OtherRolesFactor;
            }
            else if ((query.Roles & named) != 0 && coverage >= _options.MinCoverage)
            {
                score *= AskedRoleFactor;
            }

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
    /// How well a passage's heading (or one alternate question) states the question (0..1): the
    /// harmonic mean of the IDF share of the heading that the question asks about and the IDF
    /// share of the question that the heading names. A heading made of the question's own distinctive words is the
    /// surest sign of the right passage; one that shares only the words every passage has
    /// ("machine learning engineer") counts little, and a long heading that merely mentions
    /// the question's word counts less than one that is about it.
    /// </summary>
    private double Match(int[] stems, double stemsIdf, Dictionary<int, double> queryWeights, double queryTotal, HashSet<int>? uncovered)
    {
        var matched = 0.0;
        var asked = 0.0;
        foreach (var id in stems)
        {
            if (queryWeights.TryGetValue(id, out var weight) && uncovered?.Contains(id) != true)
            {
                matched += _stemIdf[id];
                asked += weight;
            }
        }

        var precision = stemsIdf > 0 ? matched / stemsIdf : 0;
        var recall = queryTotal > 0 ? asked / queryTotal : 0;
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }

    /// <summary>
    /// How well the passage's closest alternate question states the question (0..1), measured as
    /// <see cref="Match"/> measures a heading: one alternate made of the question's words is
    /// surer evidence than the same words spread over several, which is all BM25 sees of them.
    /// </summary>
    private double AlternateMatch(int ordinal, Dictionary<int, double> queryWeights, double queryTotal, HashSet<int>? uncovered)
    {
        var best = 0.0;
        foreach (var (stems, idf) in _alternates[ordinal])
        {
            best = Math.Max(best, Match(stems, idf, queryWeights, queryTotal, uncovered));
        }

        return best;
    }

    /// <summary>The roles the passage at <paramref name="ordinal"/> names in its heading or text.</summary>
    private int RolesOf(int ordinal)
    {
        var named = Volatile.Read(ref _passageRoles[ordinal]);
        if (named == UnknownRoles)
        {
            // Found once per passage; two turns that race here find the same roles.
            var passage = _passages[ordinal];
            named = _roles.Of(passage.Heading) | _roles.Of(passage.Text);
            Volatile.Write(ref _passageRoles[ordinal], named);
        }

        return named;
    }

    /// <summary>The numbers of the analysed terms of <paramref name="roles"/> (<see cref="RoleNames.TermsOf"/>) the index has.</summary>
    private HashSet<int> RoleTermIds(int roles)
    {
        var ids = new HashSet<int>();
        foreach (var stem in _roles.TermsOf(roles))
        {
            if (_stemIds.TryGetValue(Key(stem), out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>The number of a term's key; a new key gets the next number.</summary>
    private int IdOf(string term)
    {
        var key = Key(term);
        if (!_stemIds.TryGetValue(key, out var id))
        {
            id = _stemIds.Count;
            _stemIds.Add(key, id);
        }

        return id;
    }

    private static List<int>[] Lists(int count)
    {
        var lists = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            lists[i] = [];
        }

        return lists;
    }

    /// <summary>Distinct numbers, sorted for binary search.</summary>
    private static int[] Distinct(List<int> ids)
    {
        ids.Sort();
        return ids.Distinct().ToArray();
    }

    /// <summary>
    /// The terms that pick the candidates: the message's own. A follow-up that asks a question of
    /// its own about the same things (<see cref="RetrievalQuery.SearchesContext"/>) searches with
    /// the previous turn's words beside them, so that "which one should I pick?" after a comparison
    /// finds the passages compared (its own "pick" alone finds a passage on picking a
    /// specialisation); in coverage, the carried-over words still weigh less
    /// (<see cref="StemWeights"/>). One that replaces part of the previous question ("what about
    /// senior ones?") does not: the previous question's words would bring back the passages just
    /// shown. Nor does one whose own words are in no passage ("which one is in the UK?"): it asks
    /// about something the guides do not cover, and finds nothing.
    /// </summary>
    private List<string> CandidateTerms(RetrievalQuery query)
    {
        if (query.Terms.Count == 0)
        {
            return [.. query.ContextTerms];
        }

        return query.SearchesContext && query.Terms.Any(t => FrequencyOf(t) > 0)
            ? [.. query.Terms, .. query.ContextTerms]
            : [.. query.Terms];
    }

    /// <summary>
    /// The terms worth sending to the index: a term found in most passages ("machine learning
    /// engineer" here) barely moves BM25 but makes the index score nearly every passage, so it
    /// is left to re-ranking, which still counts it; so is a word that only frames the question.
    /// All terms go when none is selective.
    /// </summary>
    private List<string> SelectiveTerms(List<string> terms)
    {
        var selective = terms.Where(t => !FramingWords.IsFramingTerm(t) && FrequencyOf(t) <= _passages.Count * _options.CommonTermShare).ToList();
        return selective.Count > 0 ? selective : terms;
    }

    private int FrequencyOf(string term) => _stemIds.TryGetValue(Key(term), out var id) ? _stemFrequency[id] : 0;

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
            weights[term] = _options.ContextTermWeight;
        }

        foreach (var term in query.Terms)
        {
            weights[term] = FramingWords.IsFramingTerm(term) ? _options.FramingWordWeight : 1.0;
        }

        return weights;
    }

    /// <summary>
    /// The stem re-ranking compares: Porter turns a final "y" into "i" ("deployed" becomes
    /// "deploi") but keeps it where it strips a suffix after it ("deployment" becomes "deploy");
    /// re-ranking reads both as one stem.
    /// </summary>
    internal static string Key(string stem) => stem.Length > 3 && stem[^1] == 'i' ? string.Concat(stem.AsSpan(0, stem.Length - 1), "y") : stem;

    private static double Idf(int passages, int documentFrequency) => Math.Log(1.0 + ((passages + 1.0) / (documentFrequency + 0.5)));
}
