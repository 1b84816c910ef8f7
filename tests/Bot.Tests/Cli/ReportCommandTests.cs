using System.Text.Json.Nodes;
using CareerBot.Bot.Cli;
using CareerBot.Bot.Conversation;
using CareerBot.Bot.Operations;
using CareerBot.Knowledge.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests.Cli;

public sealed class ReportCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly TempKnowledgeBase _kb = new();
    private readonly ManualTimeProvider _clock = new(Now);

    public void Dispose() => _kb.Dispose();

    [Fact]
    public async Task Report_Json_SumsTheWindowAndClustersDeclinedQuestions()
    {
        var options = _kb.Options();
        await StoreAsync(options,
        [
            Turn(-1, "webchat", "education", true, ["guide-a#do-i-need-a-phd"], 4, null),
            Turn(-2, "msteams", "education", true, ["guide-a#do-i-need-a-phd", "guide-b#required-education"], 6, null),
            Turn(-3, "webchat", "out_of_scope", false, [], 2, "What is the weather in Seattle?"),
            Turn(-4, "webchat", "out_of_scope", false, [], 2, "weather in seattle today"),
            Turn(-5, "slack", "out_of_scope", false, [], 3, "How do I reset my password?"),
            Turn(-24 * 8, "webchat", "salary", true, ["guide-b#pay"], 5, null), // outside the 7-day window
        ]);
        var feedback = new SqliteFeedbackStore(Options.Create(options));
        await feedback.RecordAsync(new Feedback(Now.AddHours(-1), "webchat", false, "education", ["guide-b#required-education"], null), CancellationToken.None);
        await feedback.RecordAsync(new Feedback(Now.AddHours(-1), "msteams", true, "education", ["guide-a#do-i-need-a-phd"], null), CancellationToken.None);
        var output = new StringWriter();

        var exit = CliApp.Run(["report", "--json", "--days", "7"], output, new StringWriter(), options, _clock);

        Assert.Equal(0, exit);
        var report = JsonNode.Parse(output.ToString())!.AsObject();
        Assert.Equal(5, (int)report["turns"]!);
        Assert.Equal(3, (int)report["declined"]!);
        Assert.Equal(0.6, (double)report["declineRate"]!, 3);
        Assert.Equal("""[{"name":"webchat","count":3},{"name":"msteams","count":1},{"name":"slack","count":1}]""", report["byChannel"]!.ToJsonString());
        Assert.Equal("""[{"name":"out_of_scope","count":3},{"name":"education","count":2}]""", report["byIntent"]!.ToJsonString());
        Assert.Equal("""[{"name":"guide-a#do-i-need-a-phd","count":2},{"name":"guide-b#required-education","count":1}]""", report["mostCitedPassages"]!.ToJsonString());
        Assert.Equal("""[{"passageId":"guide-b#required-education","helpful":0,"notHelpful":1}]""", report["worstFeedback"]!.ToJsonString());
        Assert.Equal(
            """[{"question":"What is the weather in Seattle?","count":2,"examples":["weather in seattle today"]},{"question":"How do I reset my password?","count":1,"examples":[]}]""",
            report["declinedQuestions"]!.ToJsonString());
    }

    [Fact]
    public async Task Report_Markdown_WithoutTranscripts_SaysQuestionsAreNotKept()
    {
        var options = _kb.Options();
        await StoreAsync(options, [Turn(-1, "webchat", "out_of_scope", false, [], 2, null)]);
        var output = new StringWriter();

        var exit = CliApp.Run(["report"], output, new StringWriter(), options, _clock);

        Assert.Equal(0, exit);
        Assert.Contains("1 questions, 1 declined (100.0%)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Transcripts are off (Transcripts:Enabled), so questions are not kept", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_BadWindow_FailsWithTheOptionNamed()
    {
        var error = new StringWriter();

        var exit = CliApp.Run(["report", "--days", "0"], new StringWriter(), error, _kb.Options(), _clock);

        Assert.Equal(2, exit);
        Assert.Equal("error: --days must be a whole number between 1 and 3650; got '0'.\nSee `report --help`.\n", error.ToString());
    }

    private static TurnRecord Turn(int hoursAgo, string channel, string intent, bool answered, string[] passages, double latency, string? question) =>
        new(Now.AddHours(hoursAgo), channel, intent, 0.9, answered, passages, latency, question);

    private async Task StoreAsync(CareerBot.Knowledge.KnowledgeOptions options, TurnRecord[] records)
    {
        using var log = new SqliteTurnLog(Options.Create(options), Options.Create(new TranscriptOptions { Enabled = true, Retention = TimeSpan.FromDays(30) }), Options.Create(new TurnLogOptions()), _clock, NullLogger<SqliteTurnLog>.Instance);
        await log.StartAsync(CancellationToken.None);
        foreach (var record in records)
        {
            log.Record(record);
        }

        await Poll.UntilAsync(() => log.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None).Result.Count == records.Length, TimeSpan.FromSeconds(30), "the records to be stored");
        await log.StopAsync(CancellationToken.None);
    }
}
