using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge;

/// <summary>
/// Everything one version of the knowledge base answers with: index, model, analysers and
/// sample questions. Built once, never changed, shared by every turn.
/// </summary>
public sealed class KnowledgeSnapshot : IDisposable
{
    private readonly Dictionary<Topic, IReadOnlyList<string>> _samples;
    private readonly HashSet<string> _knownTexts;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> _stems = new(StringComparer.Ordinal);
    private readonly PassageIndex? _ownedIndex;

    public KnowledgeSnapshot(
        IPassageSearch search,
        IReadOnlyList<Passage> passages,
        IIntentClassifier model,
        SynonymMap synonyms,
        IReadOnlyDictionary<string, IReadOnlyList<string>> sampleQuestions,
        KnowledgeOptions options,
        string contentHash,
        IEnumerable<string>? knownWords = null)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sampleQuestions);
        ArgumentNullException.ThrowIfNull(options);
        _ownedIndex = search as PassageIndex;
        Search = search;
        Passages = passages;
        Model = model;
        Options = options;
        ContentHash = contentHash;
        Analyzer = new TextAnalyzer(synonyms);
        // Words the guides, the synonyms or the example questions use are no typos ("later" is not "layer").
        Corrector = new TermCorrector(search.Vocabulary, knownWords is null ? synonyms.Tokens : synonyms.Tokens.Concat(knownWords));
        // FTS5 is the persisted index and the vocabulary; questions are scored from memory with the same formula.
        QuerySearch = new MemoryPassageSearch(passages, Analyzer, search.Vocabulary, options.Retrieval.TitleWeight, options.Retrieval.BodyWeight);
        Retriever = new PassageRetriever(QuerySearch, passages, Analyzer, options.Retrieval);
        Composer = new AnswerComposer(Retriever, Analyzer);
        Topics = model.ClassNames.Select(Intent.FromName).Where(i => i.IsTopic).Select(i => i.Topic!.Value).ToArray();
        _samples = [];
        foreach (var topic in Topics)
        {
            var samples = sampleQuestions.TryGetValue(topic.Name, out var listed) && listed.Count > 0
                ? listed
                : passages.Where(p => p.IsQuestion && p.HasTopic(topic)).Select(p => p.Heading).Take(2).ToArray();
            _samples[topic] = samples;
        }

        _knownTexts = new HashSet<string>(passages.Select(p => p.Heading).Concat(_samples.Values.SelectMany(v => v)), StringComparer.Ordinal);
    }

    /// <summary>The persisted full-text index (SQLite FTS5).</summary>
    public IPassageSearch Search { get; }

    /// <summary>What questions are searched with: the in-memory BM25 over the same documents.</summary>
    public IPassageSearch QuerySearch { get; }

    public IReadOnlyList<Passage> Passages { get; }

    public IIntentClassifier Model { get; }

    public TextAnalyzer Analyzer { get; }

    public ITermCorrector Corrector { get; }

    public PassageRetriever Retriever { get; }

    public AnswerComposer Composer { get; }

    public KnowledgeOptions Options { get; }

    /// <summary>The topic intents, in the model's order.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    public string ContentHash { get; }

    /// <summary>Which training the classifier came from (its training hash); empty for a classifier that has none.</summary>
    public string ModelVersion => (Model as IntentModel)?.TrainingHash ?? string.Empty;

    public IReadOnlyList<string> SampleQuestions(Topic topic) => _samples.TryGetValue(topic, out var samples) ? samples : [];

    /// <summary>
    /// The analysed stems of a text; those of the passages' headings and the sample questions
    /// (what suggestions are made of) are worked out once, on first use.
    /// </summary>
    public IReadOnlyList<string> StemsOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_knownTexts.Contains(text))
        {
            return _stems.GetOrAdd(text, static (t, analyzer) => analyzer.Stems(t), Analyzer);
        }

        return Analyzer.Stems(text);
    }

    public void Dispose()
    {
        _ownedIndex?.Dispose();
        (Model as IDisposable)?.Dispose();
    }
}
