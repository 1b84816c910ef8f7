using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using CareerBot.Bot.Telemetry;
using CareerBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CareerBot.Bot.Tests.Telemetry;

/// <summary>
/// Traces and metrics of real turns through /api/messages, read by in-process listeners;
/// and the OpenTelemetry registration that Telemetry:Enabled switches.
/// </summary>
public sealed class TelemetryTests
{
    private const string Question = "Do I need a PhD?";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Message_AnsweredTurn_RecordsTheSpanTreeWithTagsButNoUserText()
    {
        using var factory = new BotFactory();
        using var capture = new TelemetryCapture(factory.Services);
        var client = factory.CreateClient();

        var body = await PostAsync(client, capture, Activities.Message(Question));

        await Poll.UntilAsync(() => capture.Spans.Any(s => s.Source.Name == "Microsoft.AspNetCore"), Deadline, "the request span");
        var request = Assert.Single(capture.Spans, s => s.Source.Name == "Microsoft.AspNetCore");
        var turn = Assert.Single(capture.Spans, s => s.OperationName == BotTelemetry.TurnSpan);
        Assert.Equal(KnowledgeTelemetry.Name, turn.Source.Name);
        Assert.Equal(request.SpanId, turn.ParentSpanId);
        var children = capture.Spans.Where(s => s.ParentSpanId == turn.SpanId).ToArray();
        Assert.Equal(["classify", "search", "compose", "render", "reply", "reply"], children.Select(s => s.OperationName));
        Assert.All(children, s => Assert.Equal(KnowledgeTelemetry.Name, s.Source.Name));
        Assert.All(capture.Spans, s => Assert.Equal(ActivityStatusCode.Unset, s.Status));

        var trace = body["activities"]![1]!["value"]!;
        var intent = (string)trace["intent"]!["name"]!;
        Assert.True((bool)trace["answered"]!);
        Assert.Equal("emulator", turn.GetTagItem("channel"));
        Assert.Equal("message", turn.GetTagItem("activity_type"));
        Assert.Equal(intent, turn.GetTagItem("intent"));
        Assert.Equal(true, turn.GetTagItem("answered"));
        Assert.Equal(trace["citations"]!.AsArray().Count, turn.GetTagItem("citations"));
        Assert.Equal("Answered", turn.GetTagItem("kind"));
        Assert.Equal(intent, children[0].GetTagItem("intent"));
        Assert.True((int)children[1].GetTagItem("results")! > 0);
        Assert.Equal(turn.GetTagItem("citations"), children[2].GetTagItem("citations"));
        Assert.Equal(["message", "trace"], children.Where(s => s.OperationName == "reply").Select(s => s.GetTagItem("activity_type")));

        // Names, counts and scores only: the question never reaches a tag.
        var values = capture.Spans.SelectMany(s => s.TagObjects).Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
        Assert.NotEmpty(values);
        Assert.DoesNotContain(values, v => v.Contains("need a PhD", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Message_AnsweredTurn_CountsTheTurnAndRecordsItsDuration()
    {
        using var factory = new BotFactory();
        using var capture = new TelemetryCapture(factory.Services);
        var client = factory.CreateClient();

        var body = await PostAsync(client, capture, Activities.Message(Question));

        await Poll.UntilAsync(() => capture.Of("careerbot.turn.duration").Count > 0, Deadline, "the turn duration");
        var intent = (string)body["activities"]![1]!["value"]!["intent"]!["name"]!;
        var counted = Assert.Single(capture.Of("careerbot.turns"));
        Assert.Equal(1, counted.Value);
        Assert.Equal(new Dictionary<string, object?> { ["channel"] = "emulator", ["intent"] = intent, ["answered"] = true }, counted.Tags);
        var duration = Assert.Single(capture.Of("careerbot.turn.duration"));
        Assert.True(duration.Value >= 0);
        Assert.Equal(new Dictionary<string, object?> { ["channel"] = "emulator" }, duration.Tags);
        Assert.Empty(capture.Of("careerbot.declines"));
        Assert.Empty(capture.Of("careerbot.throttled"));
        Assert.Empty(capture.Of("careerbot.reply_failures"));
    }

    [Fact]
    public async Task Message_OutOfScope_CountsADecline()
    {
        using var factory = new BotFactory();
        using var capture = new TelemetryCapture(factory.Services);
        var client = factory.CreateClient();

        var body = await PostAsync(client, capture, Activities.Message("zebra quokka"));

        Assert.False((bool)body["activities"]![1]!["value"]!["answered"]!);
        await Poll.UntilAsync(() => capture.Of("careerbot.declines").Count > 0, Deadline, "the decline");
        var declined = Assert.Single(capture.Of("careerbot.declines"));
        Assert.Equal("emulator", declined.Tags["channel"]);
        Assert.Equal(false, Assert.Single(capture.Of("careerbot.turns")).Tags["answered"]);
    }

    [Fact]
    public async Task Message_OverTheThrottle_CountsThrottledAndAnswersNothing()
    {
        using var factory = new BotFactory(new() { ["Bot:MessageBurst"] = "1", ["Bot:MessagesPerMinute"] = "1" });
        using var capture = new TelemetryCapture(factory.Services);
        var client = factory.CreateClient();

        await PostAsync(client, capture, Activities.Message(Question, id: "act-1"));
        var second = await PostAsync(client, capture, Activities.Message(Question, id: "act-2"));

        Assert.Equal(TurnCore.SlowDown, (string?)Assert.Single(second["activities"]!.AsArray())!["text"]);
        await Poll.UntilAsync(() => capture.Of("careerbot.throttled").Count > 0, Deadline, "the throttled count");
        var throttled = Assert.Single(capture.Of("careerbot.throttled"));
        Assert.Equal(1, throttled.Value);
        Assert.Equal("emulator", throttled.Tags["channel"]);
        Assert.Single(capture.Of("careerbot.turns"));
        var turns = capture.Spans.Where(s => s.OperationName == BotTelemetry.TurnSpan).ToArray();
        Assert.Equal(2, turns.Length);
        Assert.Equal("throttled", turns[1].GetTagItem("kind"));
        Assert.DoesNotContain(capture.Spans, s => s.ParentSpanId == turns[1].SpanId && s.OperationName == "classify");
    }

    [Fact]
    public async Task Reply_ConnectorFails_MarksTheReplySpanAndCountsTheFailure()
    {
        await using var channel = await FakeChannelServer.StartAsync();
        using var factory = new BotFactory(new() { ["Bot:ConnectorRetries"] = "0" });
        using var capture = new TelemetryCapture(factory.Services);
        var client = factory.CreateClient();
        channel.FailNext(500);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(Activities.Message(Question, serviceUrl: channel.ServiceUrl, expectReplies: false)),
        };
        request.Headers.Add("traceparent", capture.TraceParent);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Poll.UntilAsync(() => capture.Spans.Any(s => s.OperationName == BotTelemetry.TurnSpan), Deadline, "the turn span");
        var replies = capture.Spans.Where(s => s.OperationName == BotTelemetry.ReplySpan).ToArray();
        Assert.Equal([ActivityStatusCode.Error, ActivityStatusCode.Unset], replies.Select(s => s.Status));
        Assert.Equal("HTTP 500", replies[0].StatusDescription);
        var failure = Assert.Single(capture.Of("careerbot.reply_failures"));
        Assert.Equal("emulator", failure.Tags["channel"]);
    }

    [Fact]
    public async Task Gauges_KnowledgeLoaded_ReportPassagesWithTheContentHash()
    {
        using var factory = new BotFactory();
        using var capture = new TelemetryCapture(factory.Services);
        var knowledge = factory.Services.GetRequiredService<KnowledgeProvider>();
        await Poll.UntilAsync(() => knowledge.IsLoaded, Deadline, "the knowledge base");
        _ = factory.Services.GetRequiredService<BotMetrics>();

        capture.Observe();

        var passages = Assert.Single(capture.Of("careerbot.knowledge.passages"));
        Assert.Equal(knowledge.Current.Passages.Count, passages.Value);
        Assert.Equal(knowledge.Current.ContentHash[..12], passages.Tags["content_hash"]);
        var intents = Assert.Single(capture.Of("careerbot.knowledge.intents"));
        Assert.Equal(knowledge.Current.Model.ClassNames.Count, intents.Value);
        Assert.Equal(knowledge.Current.ModelVersion[..12], intents.Tags["model_version"]);
    }

    [Fact]
    public void Start_TelemetryOff_RegistersNoOpenTelemetry()
    {
        using var factory = new BotFactory();

        Assert.False(factory.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Enabled);
        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(factory.Services.GetServices<ILoggerProvider>(), IsOpenTelemetry);
    }

    [Fact]
    public void Start_TelemetryOn_RegistersTracesAndMetricsButNoLogger()
    {
        using var factory = new BotFactory(new() { ["Telemetry:Enabled"] = "true", ["Telemetry:ServiceName"] = "careerbot-test" });

        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(factory.Services.GetServices<ILoggerProvider>(), IsOpenTelemetry);
    }

    [Theory]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317", "OtlpEndpoint")]
    [InlineData("Telemetry:ServiceName", "", "ServiceName")]
    public void Start_BadTelemetrySetting_FailsNamingTheKey(string key, string value, string named)
    {
        var ex = StartupValidation.Failure(new() { [key] = value });

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    private static bool IsOpenTelemetry(object service) =>
        service.GetType().Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true;

    /// <summary>Posts an expectReplies message in the capture's trace; returns the body.</summary>
    private static async Task<JsonObject> PostAsync(HttpClient client, TelemetryCapture capture, JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.Add("traceparent", capture.TraceParent);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
