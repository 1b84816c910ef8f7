using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Cli;
using CareerBot.Bot.Operations;
using CareerBot.Bot.Tests.State;
using CareerBot.Knowledge.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests.Operations;

/// <summary>
/// Feedback and turn records in Azure Table Storage, shared by two bot instances, against a real
/// Azurite (tables and blobs) on loopback.
/// </summary>
public sealed class TableOperationsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];
    private AzuriteServer _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteServer.StartWithTablesAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    private OperationsOptions Tables() => new()
    {
        TablesConnectionString = _azurite.ConnectionString,
        TurnsTable = "turns" + _suffix,
        FeedbackTable = "votes" + _suffix,
        Timeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>One bot instance: conversation state in Azurite's blobs, feedback and turn records in its tables.</summary>
    private BotFactory Instance() => new(new()
    {
        ["State:BlobConnectionString"] = _azurite.ConnectionString,
        ["State:BlobContainer"] = "state-" + _suffix,
        ["Operations:TablesConnectionString"] = _azurite.ConnectionString,
        ["Operations:TurnsTable"] = "turns" + _suffix,
        ["Operations:FeedbackTable"] = "votes" + _suffix,
        ["Bot:MessagesPerMinute"] = "0",
    });

    [Fact]
    public async Task TwoInstances_QuestionsAnsweredByBoth_ShowUpInOneReport()
    {
        using var a = Instance();
        using var b = Instance();

        await SendAsync(a, Activities.Message("Do I need a PhD?", channelId: "webchat", conversationId: "c-a", id: "a-1"));
        await SendAsync(b, Activities.Message("How much do junior engineers earn?", channelId: "msteams", conversationId: "c-b", id: "b-1"));
        await SendAsync(b, Activities.Message("What is the weather in Seattle?", channelId: "msteams", conversationId: "c-b", id: "b-2"));
        var reader = new TableTurnLog(Options.Create(Tables()), Options.Create(new TranscriptOptions()), Options.Create(new TurnLogOptions()), TimeProvider.System, NullLogger<TableTurnLog>.Instance);
        await Poll.UntilAsync(() => reader.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None).Result.Count == 3, TimeSpan.FromSeconds(30), "three turn records from two instances");

        using var kb = new TempKnowledgeBase();
        var output = new StringWriter();
        var exit = CliApp.Run(["report", "--json", "--days", "1"], output, new StringWriter(), kb.Options(), operations: Tables());

        Assert.Equal(0, exit);
        var report = JsonNode.Parse(output.ToString())!;
        Assert.Equal(3, (int)report["questions"]!);
        Assert.Equal(2, (int)report["answered"]!);
        Assert.Equal(1, (int)report["declined"]!);
        Assert.Equal(
            [("msteams", 2), ("webchat", 1)],
            report["byChannel"]!.AsArray().Select(row => ((string)row!["name"]!, (int)row["count"]!)).OrderBy(row => row.Item1));
    }

    [Fact]
    public async Task Vote_GivenThroughOneInstanceAndChangedThroughTheOther_CountsOnceAsTheSecond()
    {
        using var a = Instance();
        using var b = Instance();
        await SendAsync(a, Activities.Message("Do I need a PhD?", channelId: "msteams", conversationId: "c-vote", id: "q-1"));

        await SendAsync(a, Vote("c-vote", "user-1", "dislike", "v-1"));
        await SendAsync(b, Vote("c-vote", "user-1", "like", "v-2"));

        var votes = await new TableFeedbackStore(Options.Create(Tables()), Options.Create(new TranscriptOptions()), Options.Create(new TurnLogOptions()), TimeProvider.System, NullLogger<TableFeedbackStore>.Instance)
            .ReadAllAsync(CancellationToken.None);
        var vote = Assert.Single(votes);
        Assert.True(vote.Helpful);
        Assert.Equal("education", vote.Intent);
        Assert.Contains("guide-a#do-i-need-a-phd", vote.PassageIds);
    }

    [Fact]
    public async Task FiftyConcurrentVotes_OnOneAnswerFromDifferentPeople_AreAllKept()
    {
        using var a = Instance();
        using var b = Instance();
        await SendAsync(a, Activities.Message("Do I need a PhD?", channelId: "msteams", conversationId: "c-group", id: "q-1"));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            SendAsync(i % 2 == 0 ? a : b, Vote("c-group", $"user-{i}", i % 3 == 0 ? "dislike" : "like", $"v-{i}"))));

        var votes = await new TableFeedbackStore(Options.Create(Tables()), Options.Create(new TranscriptOptions()), Options.Create(new TurnLogOptions()), TimeProvider.System, NullLogger<TableFeedbackStore>.Instance)
            .ReadAllAsync(CancellationToken.None);
        Assert.Equal(50, votes.Select(v => v.Vote).Distinct().Count());
        Assert.Equal(17, votes.Count(v => !v.Helpful));
        Assert.Single(votes.Select(v => v.AnswerId).Distinct());
    }

    [Fact]
    public async Task StorageStopped_TurnsStillAnswer_FailedWritesAreLoggedAndCounted_ThenWritingResumes()
    {
        using var bot = Instance();
        var failures = new List<(string Store, long Records)>();
        using var listener = FailureListener(bot, failures);
        await SendAsync(bot, Activities.Message("Do I need a PhD?", channelId: "msteams", conversationId: "c-up", id: "u-1"));
        var reader = bot.Services.GetRequiredService<ITurnLog>();
        Assert.IsType<TableTurnLog>(reader);
        await Poll.UntilAsync(() => reader.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None).Result.Count == 1, TimeSpan.FromSeconds(30), "the first record");

        await _azurite.StopAsync();
        var during = await SendAsync(bot, Activities.Message("How much do junior engineers earn?", channelId: "msteams", conversationId: "c-down", id: "d-1"));
        var thanks = await SendAsync(bot, Vote("c-down", "user-1", "like", "d-2"));

        Assert.Contains("Junior engineers earn about $100,000 a year.", during.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, thanks.Status);
        Assert.DoesNotContain(bot.Logs.Events, e => e.EventId == 2001); // the lost vote is not logged as recorded
        await Poll.UntilAsync(() => bot.Logs.Events.Any(e => e.EventId == 2710) && bot.Logs.Events.Any(e => e.EventId == 2711), TimeSpan.FromSeconds(30), "events 2710 and 2711");
        lock (failures)
        {
            Assert.Contains(("feedback", 1L), failures);
            Assert.Contains(failures, f => f.Store == "turns" && f.Records >= 1);
        }

        await _azurite.StartAgainAsync();
        await SendAsync(bot, Activities.Message("What about senior ones?", channelId: "webchat", conversationId: "c-back", id: "r-1"));
        await Poll.UntilAsync(
            () => reader.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None).Result.Any(r => r.ChannelId == "webchat"),
            TimeSpan.FromSeconds(30),
            "a record written after storage came back");
    }

    [Fact]
    public async Task Report_FromTheTables_PrintsWhatItPrintsFromTheSqliteFiles()
    {
        using var kb = new TempKnowledgeBase();
        var clock = new ManualTimeProvider(Now);
        var transcripts = Options.Create(new TranscriptOptions { Enabled = true, Retention = TimeSpan.FromDays(30) });
        TurnRecord[] turns =
        [
            new(Now.AddHours(-1), "webchat", "education", 0.9, true, ["guide-a#do-i-need-a-phd"], 4, null, TurnOutcome.Answered, null, "ans-1"),
            new(Now.AddHours(-2), "msteams", "education", 0.8, true, ["guide-a#do-i-need-a-phd", "guide-b#pay"], 6, null, TurnOutcome.Answered, null, "ans-2"),
            new(Now.AddHours(-3), "webchat", "out_of_scope", 0.7, false, [], 2, "What is the weather in Seattle?", TurnOutcome.Declined, DeclineReason.OutOfScope, "ans-3"),
            new(Now.AddHours(-30), "slack", "salary", 0.6, false, [], 3, "How much do interns make in Oslo?", TurnOutcome.Declined, DeclineReason.NoPassage, "ans-4"),
            new(Now.AddHours(-31), "webchat", "greeting", 0.9, false, [], 1, "hi", TurnOutcome.Chat),
            new(Now.AddHours(-49), "webchat", "skills", 0.4, false, [], 1, null),
            new(Now.AddDays(-9), "webchat", "salary", 0.9, true, ["guide-b#pay"], 5, null, TurnOutcome.Answered, null, "ans-old"),
        ];
        Feedback[] votes =
        [
            new(Now.AddHours(-1), "msteams", false, "education", ["guide-a#do-i-need-a-phd", "guide-b#pay"], null, "v1", "ans-2"),
            new(Now.AddMinutes(-50), "webchat", true, "education", ["guide-a#do-i-need-a-phd"], null, "v2", "ans-1"),
            new(Now.AddHours(-40), "webchat", false, "salary", ["guide-b#pay"], null),
        ];

        var sqliteLog = new SqliteTurnLog(Options.Create(kb.Options()), transcripts, Options.Create(new TurnLogOptions()), clock, NullLogger<SqliteTurnLog>.Instance);
        var tableLog = new TableTurnLog(Options.Create(Tables()), transcripts, Options.Create(new TurnLogOptions()), clock, NullLogger<TableTurnLog>.Instance);
        foreach (ITurnLog log in (ITurnLog[])[sqliteLog, tableLog])
        {
            var writer = (BackgroundService)log;
            await writer.StartAsync(CancellationToken.None);
            foreach (var turn in turns)
            {
                log.Record(turn);
            }

            await Poll.UntilAsync(() => log.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None).Result.Count == turns.Length, TimeSpan.FromSeconds(30), "the records to be stored");
            await writer.StopAsync(CancellationToken.None);
            writer.Dispose();
        }

        foreach (IFeedbackStore store in (IFeedbackStore[])[
            new SqliteFeedbackStore(Options.Create(kb.Options())),
            new TableFeedbackStore(Options.Create(Tables()), transcripts, Options.Create(new TurnLogOptions()), clock, NullLogger<TableFeedbackStore>.Instance)])
        {
            foreach (var vote in votes)
            {
                await store.RecordAsync(vote, CancellationToken.None);
            }
        }

        foreach (var format in (string[][])[[], ["--json"]])
        {
            var fromFiles = new StringWriter();
            var fromTables = new StringWriter();
            Assert.Equal(0, CliApp.Run(["report", "--days", "3", .. format], fromFiles, new StringWriter(), kb.Options(), clock, operations: new OperationsOptions()));
            Assert.Equal(0, CliApp.Run(["report", "--days", "3", .. format], fromTables, new StringWriter(), kb.Options(), clock, operations: Tables()));

            Assert.Contains("out_of_scope", fromFiles.ToString(), StringComparison.Ordinal);
            Assert.Equal(fromFiles.ToString(), fromTables.ToString());
        }
    }

    [Fact]
    public async Task Retention_InTheTables_ErasesOldQuestionsAndComments_AndDeletesOldRecordsAndVotes()
    {
        var clock = new ManualTimeProvider(Now);
        var transcripts = Options.Create(new TranscriptOptions { Enabled = true, Retention = TimeSpan.FromDays(30) });
        var retention = Options.Create(new TurnLogOptions { Retention = TimeSpan.FromDays(60) });
        var log = new TableTurnLog(Options.Create(Tables()), transcripts, retention, clock, NullLogger<TableTurnLog>.Instance);
        var votes = new TableFeedbackStore(Options.Create(Tables()), transcripts, retention, clock, NullLogger<TableFeedbackStore>.Instance);
        await log.StartAsync(CancellationToken.None);

        log.Record(new TurnRecord(Now.AddDays(-61), "webchat", "salary", 0.9, true, ["guide-b#pay"], 5, "too old", TurnOutcome.Answered));
        log.Record(new TurnRecord(Now.AddDays(-31), "webchat", "education", 0.9, true, ["guide-a#do-i-need-a-phd"], 4, "old question", TurnOutcome.Answered));
        log.Record(new TurnRecord(Now.AddDays(-1), "webchat", "education", 0.9, true, ["guide-a#do-i-need-a-phd"], 4, "new question", TurnOutcome.Answered));
        await votes.RecordAsync(new Feedback(Now.AddDays(-61), "webchat", false, "salary", ["guide-b#pay"], "old vote", "vote-old", "a-1"), CancellationToken.None);
        await votes.RecordAsync(new Feedback(Now.AddDays(-31), "webchat", false, "education", ["guide-a#do-i-need-a-phd"], "old comment", "vote-mid", "a-2"), CancellationToken.None);
        await votes.RecordAsync(new Feedback(Now.AddDays(-1), "webchat", true, "education", ["guide-a#do-i-need-a-phd"], "new comment", "vote-new", "a-3"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1)); // the sweep runs at most once a minute, after a vote: this one sweeps
        await votes.RecordAsync(new Feedback(Now, "webchat", true, "salary", ["guide-b#pay"], null, "vote-now", "a-4"), CancellationToken.None);

        IReadOnlyList<TurnRecord> records = [];
        await Poll.UntilAsync(
            () => (records = log.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None).Result).Count == 2 && records[0].Question is null,
            TimeSpan.FromSeconds(30),
            "the retention sweep of the turns table");
        await log.StopAsync(CancellationToken.None);
        log.Dispose();

        Assert.Equal([(Now.AddDays(-31), (string?)null), (Now.AddDays(-1), "new question")], records.Select(r => (r.Time, r.Question)));
        // The votes' sweep runs after the vote that started it has been stored, in the background.
        IReadOnlyList<Feedback> kept = [];
        await Poll.UntilAsync(
            () => (kept = votes.ReadAllAsync(CancellationToken.None).Result).Count == 3 && kept[0].Comment is null,
            TimeSpan.FromSeconds(30),
            "the retention sweep of the feedback table");
        Assert.Equal(
            [("vote-mid", (string?)null), ("vote-new", "new comment"), ("vote-now", null)],
            kept.Select(v => (v.Vote, v.Comment)));
    }

    private static JsonObject Vote(string conversationId, string userId, string reaction, string id)
    {
        var invoke = Activities.Message(string.Empty, channelId: "msteams", conversationId: conversationId, id: id);
        invoke["type"] = "invoke";
        invoke["name"] = "message/submitAction";
        invoke["from"] = new JsonObject { ["id"] = userId, ["name"] = userId, ["role"] = "user" };
        invoke["value"] = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = reaction },
        };
        return invoke;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SendRawAsync(BotFactory bot, JsonObject activity)
    {
        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", activity);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(BotFactory bot, JsonObject activity)
    {
        var result = await SendRawAsync(bot, activity);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        return result;
    }

    /// <summary>Collects careerbot.operations.write_failures from this bot's meter only (other tests run at the same time).</summary>
    private static MeterListener FailureListener(BotFactory bot, List<(string Store, long Records)> failures)
    {
        var meters = bot.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "careerbot.operations.write_failures" && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var store = tags.ToArray().Single(t => t.Key == OperationsMetrics.StoreTag).Value as string ?? string.Empty;
            lock (failures)
            {
                failures.Add((store, value));
            }
        });
        listener.Start();
        return listener;
    }
}
