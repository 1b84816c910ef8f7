using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;
using CareerBot.Knowledge.Analysis;

namespace CareerBot.Knowledge;

/// <summary>
/// Everything one version of the knowledge base answers with: the Lucene index and its searcher,
/// the model, the analyzers and sample questions. Built once, never changed, shared by every
/// turn; disposing it closes the index reader.
/// </summary>
public sealed class KnowledgeSnapshot : IDisposable
{
    private readonly Dictionary<Topic, IReadOnlyList<string>> _samples;
    private readonly HashSet<string> _knownTexts;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<string>> _stems = new(StringComparer.Ordinal);

    public KnowledgeSnapshot(
        PassageIndex index,
        IIntentClassifier model,
        SynonymRules synonyms,
        IReadOnlyDictionary<string, IReadOnlyList<string>> sampleQuestions,
        KnowledgeOptions options,
        IEnumerable<string>? knownWords = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(synonyms);
        ArgumentNullException.ThrowIfNull(sampleQuestions);
        ArgumentNullException.ThrowIfNull(options);
        Index = index;
        var passages = index.Passages;
        Passages = passages;
        Model = model;
        Options = options;
        ContentHash = index.ContentHash;
        Analyzer = new KnowledgeAnalyzer(synonyms);
        // Words the guides, the synonyms or the example questions use are no typos ("later" is not "layer"),
        // and neither is an English word the guides do not use ("visa" is not "via").
        var synonymWords = synonyms.Groups.SelectMany(g => g).Concat(synonyms.Conditional.SelectMany(c => c.Members)).SelectMany(KnowledgeAnalyzer.WordsOf);
        Corrector = new TermCorrector(index.Vocabulary, knownWords is null ? synonymWords : synonymWords.Concat(knownWords), WordList.English);
        QueryAnalyzer = Analyzer.WithCorrector(Corrector);
        Roles = new RoleNames(synonyms, Analyzer.Tokens);
        Retriever = new PassageRetriever(index, options.Retrieval, Analyzer.Tokens, Roles);
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
        Engine = new AnswerEngine(this);
    }

    /// <summary>The answer engine over this snapshot, built once: every turn served from the snapshot uses it.</summary>
    public AnswerEngine Engine { get; }

    /// <summary>The Lucene index of the passages, with its one searcher.</summary>
    public PassageIndex Index { get; }

    public IReadOnlyList<Passage> Passages { get; }

    public IIntentClassifier Model { get; }

    /// <summary>The analysis chain passages were indexed with.</summary>
    public KnowledgeAnalyzer Analyzer { get; }

    /// <summary>The other roles the synonyms name, which a question and a passage are matched on as names, not as words.</summary>
    public RoleNames Roles { get; }

    /// <summary>The same chain with typo correction: what questions are read with.</summary>
    public KnowledgeAnalyzer QueryAnalyzer { get; }

    public ITermCorrector Corrector { get; }

    public PassageRetriever Retriever { get; }

    public AnswerComposer Composer { get; }

    public KnowledgeOptions Options { get; }

    /// <summary>The topic intents, in the model's order.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    public string ContentHash { get; }

    /// <summary>Which training the classifier came from (its training hash); empty for a classifier that has none.</summary>
    public string ModelVersion => (Model as IntentModel)?.TrainingHash ?? string.Empty;

    /// <summary>Answers one sample question and throws the answer away, before the snapshot serves anyone (<see cref="KnowledgeLoader.LoadWarm"/>).</summary>
    internal void WarmUp()
    {
        var text = Topics.Select(SampleQuestions).FirstOrDefault(s => s.Count > 0)?[0] ?? "hello";
        Engine.Answer(new Question(text));
    }

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
            return _stems.GetOrAdd(text, static (t, analyzer) => Distinct(analyzer.Tokens(t)), Analyzer);
        }

        return Distinct(Analyzer.Tokens(text));
    }

    /// <summary>Whether no passage uses the analysed term <paramref name="stem"/>, a framing word ("how", "tell") aside.</summary>
    internal bool Lacks(string stem) => !Search.FramingWords.IsFramingTerm(stem) && !Retriever.Knows(stem);

    /// <summary>The distinct terms of <paramref name="terms"/>, in first-seen order.</summary>
    internal static List<string> Distinct(IReadOnlyList<string> terms)
    {
        var distinct = new List<string>(terms.Count);
        foreach (var term in terms)
        {
            if (!distinct.Contains(term))
            {
                distinct.Add(term);
            }
        }

        return distinct;
    }

    public void Dispose()
    {
        Index.Dispose();
        QueryAnalyzer.Dispose();
        Analyzer.Dispose();
        (Model as IDisposable)?.Dispose();
    }
}
