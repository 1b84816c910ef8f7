using System.Net.Http.Json;
using CareerBot.Bot.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace CareerBot.Bot.Tests.Operations;

/// <summary>Turn records and privacy: no user text by default; with transcripts on, text kept only for the retention period.</summary>
public sealed class TurnLogHostTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Start);

    [Fact]
    public async Task Turn_TranscriptsOff_IsRecordedWithoutTheQuestion()
    {
        using var factory = Factory(transcripts: false);

        await factory.CreateClient().PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", channelId: "webchat"));
        var record = Assert.Single(await RecordsAsync(factory, 1));

        Assert.Equal(Start, record.Time);
        Assert.Equal("webchat", record.ChannelId);
        Assert.Equal("education", record.Intent);
        Assert.True(record.Answered);
        Assert.InRange(record.Score, 0.01, 1.0);
        Assert.Contains("guide-a#do-i-need-a-phd", record.PassageIds);
        Assert.Null(record.Question);
        Assert.True(record.LatencyMs >= 0);
    }

    [Fact]
    public async Task Turn_TranscriptsOn_KeepsTheQuestionUntilTheRetentionPasses()
    {
        using var factory = Factory(transcripts: true);
        var client = factory.CreateClient();

        await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", conversationId: "c-old"));
        await RecordsAsync(factory, 1);
        _clock.Advance(TimeSpan.FromDays(31));
        await client.PostAsJsonAsync("/api/messages", Activities.Message("What does an ML engineer earn?", conversationId: "c-new"));
        var records = await RecordsAsync(factory, 2);

        Assert.Null(records[0].Question);
        Assert.Equal("What does an ML engineer earn?", records[1].Question);
    }

    [Fact]
    public async Task Records_OlderThanTheTurnLogRetention_AreDeleted()
    {
        using var factory = Factory(transcripts: false, recordRetention: "2.00:00:00");
        var client = factory.CreateClient();
        var log = factory.Services.GetRequiredService<ITurnLog>();

        await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", conversationId: "c-old"));
        await RecordsAsync(factory, 1);
        _clock.Advance(TimeSpan.FromDays(3));
        await client.PostAsJsonAsync("/api/messages", Activities.Message("What does an ML engineer earn?", conversationId: "c-new"));

        IReadOnlyList<TurnRecord> records = [];
        await Poll.UntilAsync(
            () => (records = log.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None).Result).Any(r => r.Time > Start),
            TimeSpan.FromSeconds(30),
            "the second turn's record");
        var kept = Assert.Single(records);
        Assert.Equal(Start + TimeSpan.FromDays(3), kept.Time);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "too short")]
    public async Task FeedbackComment_IsKeptOnlyWithTranscriptsOn(bool transcripts, string? expected)
    {
        using var factory = Factory(transcripts);
        var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", channelId: "msteams", conversationId: "c-fb"));
        var invoke = Activities.Message(string.Empty, channelId: "msteams", conversationId: "c-fb", id: "fb-1");
        invoke["type"] = "invoke";
        invoke["name"] = "message/submitAction";
        invoke["value"] = new System.Text.Json.Nodes.JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new System.Text.Json.Nodes.JsonObject { ["reaction"] = "dislike", ["feedback"] = "{\"feedbackText\":\"too short\"}" },
        };

        await client.PostAsJsonAsync("/api/messages", invoke);

        var feedback = Assert.Single(await factory.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(CancellationToken.None));
        Assert.Equal(expected, feedback.Comment);
    }

    [Fact]
    public async Task Turns_AreRecordedWithTheirOutcome_AndAVoteWithItsAnswer()
    {
        using var factory = Factory(transcripts: false);
        var client = factory.CreateClient();

        await client.PostAsJsonAsync("/api/messages", Activities.Message("hello", channelId: "msteams", conversationId: "c-o", id: "m-1"));
        await client.PostAsJsonAsync("/api/messages", Activities.Message("what's the weather in seattle", channelId: "msteams", conversationId: "c-o", id: "m-2"));
        await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", channelId: "msteams", conversationId: "c-o", id: "m-3"));
        var records = await RecordsAsync(factory, 3);
        var invoke = Activities.Message(string.Empty, channelId: "msteams", conversationId: "c-o", id: "fb-1");
        invoke["type"] = "invoke";
        invoke["name"] = "message/submitAction";
        invoke["value"] = new System.Text.Json.Nodes.JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new System.Text.Json.Nodes.JsonObject { ["reaction"] = "dislike" },
        };
        await client.PostAsJsonAsync("/api/messages", invoke);

        Assert.Equal(
            [(TurnOutcome.Chat, (string?)null), (TurnOutcome.Declined, "out_of_scope"), (TurnOutcome.Answered, null)],
            records.Select(r => (r.Kind, r.Reason)));
        var vote = Assert.Single(await factory.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(CancellationToken.None));
        Assert.NotNull(records[2].AnswerId);
        Assert.Equal(records[2].AnswerId, vote.AnswerId);
    }

    private BotFactory Factory(bool transcripts, string recordRetention = "365.00:00:00") => new(
        new() { ["Transcripts:Enabled"] = transcripts ? "true" : "false", ["Transcripts:Retention"] = "30.00:00:00", ["TurnLog:Retention"] = recordRetention },
        services => services.AddSingleton<TimeProvider>(_clock));

    private static async Task<IReadOnlyList<TurnRecord>> RecordsAsync(BotFactory factory, int count)
    {
        var log = factory.Services.GetRequiredService<ITurnLog>();
        IReadOnlyList<TurnRecord> records = [];
        await Poll.UntilAsync(
            () => (records = log.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None).Result).Count >= count,
            TimeSpan.FromSeconds(30),
            $"{count} turn records");
        return records;
    }
}
