using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Knowledge;
using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Search;

namespace CareerBot.Benchmarks;

/// <summary>
/// The steps of one turn on the committed knowledge base, in process: classify, search,
/// compose, render, and all of them together.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TurnBenchmarks
{
    private const string Text = "How much do senior ML engineers earn in California?";
    private KnowledgeSnapshot _knowledge = null!;
    private AnswerEngine _engine = null!;
    private Answer _answer = null!;
    private QuestionAnalysis _analysis = null!;
    private IReplyRenderer _teams = null!;
    private IReadOnlyList<CareerBot.Knowledge.Guides.Passage> _views = null!;
    private Dictionary<string, double> _weights = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new KnowledgeOptions { DataPath = Path.Combine(Path.GetTempPath(), "careerbot-bench") };
        KnowledgePaths.Resolve(options, AppContext.BaseDirectory);
        _knowledge = new KnowledgeLoader(options).Load();
        _engine = new AnswerEngine(_knowledge);
        _analysis = _engine.Understand(new Question(Text));
        _answer = _engine.Answer(new Question(Text));
        _teams = new RendererSelector([new TeamsRenderer()]).For("msteams");
        _views = _answer.Citations.Select(c => _knowledge.Passages.First(p => p.Id == c.PassageId)).ToList();
        _weights = _knowledge.Retriever.StemWeights(_analysis.Query);
    }

    [GlobalCleanup]
    public void Cleanup() => _knowledge.Dispose();

    [Benchmark]
    public object Classify() => _knowledge.Model.Classify(Text);

    [Benchmark]
    public object Understand() => _engine.Understand(new Question(Text));

    [Benchmark]
    public object Compose() => _knowledge.Composer.Compose(_views, _weights, QuoteFocus.Plain(2026));

    [Benchmark]
    public object Search() => _knowledge.Retriever.Retrieve(_analysis.Query, _knowledge.Options.Retrieval.Candidates);

    [Benchmark]
    public object FullText() => _knowledge.Index.Search([.. _analysis.Query.Terms], _knowledge.Options.Retrieval.Candidates);

    [Benchmark]
    public object Answer() => _engine.Answer(new Question(Text));

    [Benchmark]
    public object Render() => _teams.Render(_answer);

    [Benchmark]
    public object WholeTurn() => _teams.Render(_engine.Answer(new Question(Text)));

    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(TurnBenchmarks).Assembly).Run(args);
}
