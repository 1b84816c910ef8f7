using System.Collections.Concurrent;
using System.Diagnostics;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests;

public sealed class KnowledgeTelemetryTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new();
    private readonly KnowledgeSnapshot _loaded;
    private readonly AnswerEngine _engine;
    private readonly ActivitySource _test = new("CareerBot.Knowledge.Tests");
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public KnowledgeTelemetryTests()
    {
        _loaded = _kb.Load();
        var classifier = new FakeClassifier(("phd", "education", 0.9), ("hello", "greeting", 0.95));
        var knowledge = new KnowledgeSnapshot(
            _loaded.Index, classifier, _loaded.Analyzer.Rules,
            new Dictionary<string, IReadOnlyList<string>>(), _kb.Options());
        _engine = new AnswerEngine(knowledge);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == KnowledgeTelemetry.Name || source == _test,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _test.Dispose();
        _loaded.Dispose();
        _kb.Dispose();
    }

    [Fact]
    public void Answer_AnsweredQuestion_SpansClassifySearchComposeWithCountsNotText()
    {
        var answer = Traced(() => _engine.Answer(new Question("Do I need a PhD?")), out var parent);

        var spans = _spans.Where(s => s.ParentSpanId == parent.SpanId).ToArray();
        Assert.Equal([KnowledgeTelemetry.ClassifySpan, KnowledgeTelemetry.SearchSpan, KnowledgeTelemetry.ComposeSpan], spans.Select(s => s.OperationName));
        Assert.All(spans, s => Assert.Same(KnowledgeTelemetry.Source, s.Source));
        Assert.Equal("education", spans[0].GetTagItem(KnowledgeTelemetry.IntentTag));
        Assert.Equal(0.9, spans[0].GetTagItem(KnowledgeTelemetry.ScoreTag));
        Assert.Equal(false, spans[0].GetTagItem(KnowledgeTelemetry.FollowUpTag));
        Assert.True((int)spans[1].GetTagItem(KnowledgeTelemetry.ResultsTag)! > 0);
        Assert.Equal(answer.Citations.Count, spans[2].GetTagItem(KnowledgeTelemetry.CitationsTag));
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value is string text && text.Contains("PhD", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Answer_SmallTalk_SpansOnlyClassify()
    {
        Traced(() => _engine.Answer(new Question("hello")), out var parent);

        var span = Assert.Single(_spans, s => s.ParentSpanId == parent.SpanId);
        Assert.Equal(KnowledgeTelemetry.ClassifySpan, span.OperationName);
        Assert.Equal("greeting", span.GetTagItem(KnowledgeTelemetry.IntentTag));
    }

    /// <summary>Runs the call under a test span, so only its own children are looked at (other tests run in parallel).</summary>
    private T Traced<T>(Func<T> call, out Activity parent)
    {
        using var span = _test.StartActivity("test") ?? throw new InvalidOperationException("the test source is not listened to");
        parent = span;
        return call();
    }
}
