using System.Text.Json.Nodes;
using CareerBot.Bot.Cli;
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

    private const string Phd = "guide-a#do-i-need-a-phd";
    private const string Required = "guide-b#required-education";
    private const string Pay = "guide-b#pay";

    /// <summary>A known turn log: 12 turns in the 3-day window (3 chat, 3 answered, 5 declined for four reasons, 1 clarification), 5 votes.</summary>
    private async Task StoreKnownLogAsync(CareerBot.Knowledge.KnowledgeOptions options)
    {
        await StoreAsync(options,
        [
            Turn(-1, "webchat", "education", TurnOutcome.Answered, null, [Phd], 4, null, "ans-1"),
            Turn(-2, "msteams", "education", TurnOutcome.Answered, null, [Phd, Required], 6, null, "ans-2"),
            Turn(-3, "webchat", "out_of_scope", TurnOutcome.Declined, DeclineReason.OutOfScope, [], 2, "What is the weather in Seattle?", "ans-3"),
            Turn(-4, "webchat", "out_of_scope", TurnOutcome.Declined, DeclineReason.OutOfScope, [], 2, "weather in seattle today", "ans-4"),
            Turn(-5, "slack", "salary", TurnOutcome.Declined, DeclineReason.NoPassage, [], 3, "How much do interns make in Oslo?", "ans-5"),
            Turn(-6, "webchat", "greeting", TurnOutcome.Chat, null, [], 1, "hi", "ans-6"),
            Turn(-7, "webchat", "thanks", TurnOutcome.Chat, null, [], 1, "thanks!", "ans-7"),
            Turn(-25, "webchat", "unclassified", TurnOutcome.Declined, DeclineReason.Throttled, [], 0.1, null, null),
            Turn(-26, "webchat", "salary", TurnOutcome.Answered, null, [Pay], 5, null, "ans-9"),
            Turn(-27, "slack", "role_comparison", TurnOutcome.Clarified, null, [], 3, null, "ans-10"),
            Turn(-24 * 8, "webchat", "salary", TurnOutcome.Answered, null, [Pay], 5, null, "ans-old"), // outside the window

            // Written as records from before outcomes were kept: the outcome is read from the intent.
            new(Now.AddHours(-49), "webchat", "skills", 0.4, false, [], 1, null),
            new(Now.AddHours(-50), "webchat", "goodbye", 0.9, false, [], 1, null),
        ]);
        var feedback = new SqliteFeedbackStore(Options.Create(options));
        await feedback.RecordAsync(new Feedback(Now.AddHours(-1), "msteams", false, "education", [Phd, Required], null, "v1", "ans-2"), CancellationToken.None);
        await feedback.RecordAsync(new Feedback(Now.AddHours(-1), "webchat", true, "education", [Phd], null, "v2", "ans-1"), CancellationToken.None);
        await feedback.RecordAsync(new Feedback(Now.AddMinutes(-30), "msteams", false, "education", [Phd, Required], null, "v3", "ans-2"), CancellationToken.None);
        await feedback.RecordAsync(new Feedback(Now.AddHours(-26).AddMinutes(10), "webchat", true, "salary", [Pay], null, "v4", "ans-9"), CancellationToken.None);
        await feedback.RecordAsync(new Feedback(Now.AddHours(-48), "webchat", false, "salary", [Pay], null), CancellationToken.None); // from before answer ids
        await feedback.RecordAsync(new Feedback(Now.AddDays(-5), "webchat", false, "salary", [Phd], null, "v6", "ans-old"), CancellationToken.None); // outside
    }

    [Fact]
    public async Task Report_Json_ChecksEveryFigureOfAKnownLog()
    {
        var options = _kb.Options();
        await StoreKnownLogAsync(options);
        var output = new StringWriter();

        var exit = CliApp.Run(["report", "--json", "--days", "3"], output, new StringWriter(), options, _clock);

        Assert.Equal(0, exit);
        var report = JsonNode.Parse(output.ToString())!.AsObject();
        Assert.Equal(
            (12, 9, 3, 5, 1, 3, 0.5556, 3.0, 6.0),
            ((int)report["turns"]!, (int)report["questions"]!, (int)report["answered"]!, (int)report["declined"]!, (int)report["clarified"]!, (int)report["chat"]!,
                (double)report["declineRate"]!, (double)report["latencyP50Ms"]!, (double)report["latencyP95Ms"]!));
        Assert.Equal("""[{"name":"out_of_scope","count":2},{"name":"no_passage","count":1},{"name":"throttled","count":1},{"name":"unknown","count":1}]""", report["declinesByReason"]!.ToJsonString());
        Assert.Equal(
            """[{"intent":"education","questions":2,"answered":2,"declined":0,"declineRate":0},{"intent":"out_of_scope","questions":2,"answered":0,"declined":2,"declineRate":1},{"intent":"salary","questions":2,"answered":1,"declined":1,"declineRate":0.5},"""
            + """{"intent":"role_comparison","questions":1,"answered":0,"declined":0,"declineRate":0},{"intent":"skills","questions":1,"answered":0,"declined":1,"declineRate":1},{"intent":"unclassified","questions":1,"answered":0,"declined":1,"declineRate":1}]""",
            report["byIntent"]!.ToJsonString());
        Assert.Equal("""[{"name":"webchat","count":9},{"name":"slack","count":2},{"name":"msteams","count":1}]""", report["byChannel"]!.ToJsonString());
        Assert.Equal(
            """[{"day":"2026-11-20","questions":0,"answered":0,"declined":0,"declineRate":0,"chat":0,"helpful":0,"notHelpful":0},"""
            + """{"day":"2026-11-21","questions":1,"answered":0,"declined":1,"declineRate":1,"chat":1,"helpful":0,"notHelpful":1},"""
            + """{"day":"2026-11-22","questions":3,"answered":1,"declined":1,"declineRate":0.3333,"chat":0,"helpful":1,"notHelpful":0},"""
            + """{"day":"2026-11-23","questions":5,"answered":2,"declined":3,"declineRate":0.6,"chat":2,"helpful":1,"notHelpful":2}]""",
            report["byDay"]!.ToJsonString());
        Assert.Equal($$"""[{"name":"{{Phd}}","count":2},{"name":"{{Pay}}","count":1},{"name":"{{Required}}","count":1}]""", report["mostCitedPassages"]!.ToJsonString());
        Assert.Equal("""{"helpful":2,"notHelpful":3,"answers":3}""", report["votes"]!.ToJsonString());
        Assert.Equal(
            $$"""[{"answerId":"ans-2","time":"2026-11-23T10:00:00\u002B00:00","intent":"education","passageIds":["{{Phd}}","{{Required}}"],"helpful":0,"notHelpful":2},"""
            + $$"""{"answerId":"ans-1","time":"2026-11-23T11:00:00\u002B00:00","intent":"education","passageIds":["{{Phd}}"],"helpful":1,"notHelpful":0},"""
            + $$"""{"answerId":"ans-9","time":"2026-11-22T10:00:00\u002B00:00","intent":"salary","passageIds":["{{Pay}}"],"helpful":1,"notHelpful":0}]""",
            report["votesByAnswer"]!.ToJsonString());
        Assert.Equal(
            $$"""[{"passageId":"{{Required}}","helpful":0,"notHelpful":1,"answers":1},{"passageId":"{{Phd}}","helpful":1,"notHelpful":1,"answers":2},{"passageId":"{{Pay}}","helpful":1,"notHelpful":1,"answers":2}]""",
            report["votesByPassage"]!.ToJsonString());
        Assert.True((bool)report["transcriptsAvailable"]!);
        Assert.Equal(
            """[{"question":"What is the weather in Seattle?","count":2,"examples":["weather in seattle today"]},{"question":"How much do interns make in Oslo?","count":1,"examples":[]}]""",
            report["declinedQuestions"]!.ToJsonString());
    }

    [Fact]
    public async Task Report_Markdown_ChatIsNeitherAnswerNorDecline()
    {
        var options = _kb.Options();
        await StoreKnownLogAsync(options);
        var output = new StringWriter();

        var exit = CliApp.Run(["report", "--days", "3"], output, new StringWriter(), options, _clock);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("9 questions: 3 answered, 5 declined (55.6%), 1 asked which topic was meant; 3 chat turns (greetings, thanks, goodbyes, help) besides. Answer time p50 3.0 ms, p95 6.0 ms.\nVotes: 2 helpful, 3 not helpful, on 3 answers.\n", text, StringComparison.Ordinal);
        Assert.Contains("| salary | 2 | 1 | 1 | 50.0% |\n", text, StringComparison.Ordinal);
        Assert.Contains("| 2026-11-22 | 3 | 1 | 1 | 33.3% | 0 | 1 | 0 |\n", text, StringComparison.Ordinal);
        Assert.Contains($"| ans-2 | 2026-11-23 10:00 | education | {Phd}, {Required} | 0 | 2 |\n", text, StringComparison.Ordinal);
        Assert.Contains($"| {Required} | 0 | 1 | 1 |\n", text, StringComparison.Ordinal);
        Assert.Contains("| no_passage | 1 |\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Markdown_WithoutTranscripts_SaysQuestionsAreNotKept()
    {
        var options = _kb.Options();
        await StoreAsync(options, [Turn(-1, "webchat", "out_of_scope", TurnOutcome.Declined, DeclineReason.OutOfScope, [], 2, null, null)]);
        var output = new StringWriter();

        var exit = CliApp.Run(["report"], output, new StringWriter(), options, _clock);

        Assert.Equal(0, exit);
        Assert.Contains("1 questions: 0 answered, 1 declined (100.0%)", output.ToString(), StringComparison.Ordinal);
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

    private static TurnRecord Turn(int hoursAgo, string channel, string intent, TurnOutcome outcome, string? reason, string[] passages, double latency, string? question, string? answerId) =>
        new(Now.AddHours(hoursAgo), channel, intent, 0.9, outcome == TurnOutcome.Answered, passages, latency, question, outcome, reason, answerId);

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
