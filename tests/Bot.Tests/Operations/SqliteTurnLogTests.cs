using CareerBot.Bot.Operations;
using CareerBot.Knowledge.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests.Operations;

/// <summary>The turn log's writer: batched, and nothing accepted is lost when the bot stops.</summary>
public sealed class SqliteTurnLogTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly TempKnowledgeBase _kb = new();

    public void Dispose() => _kb.Dispose();

    [Fact]
    public async Task Stop_WithSeveralBatchesQueued_StoresEveryRecord()
    {
        const int Records = 1_234; // more than two batches of 500
        var options = Options.Create(_kb.Options());
        using (var log = Log(options))
        {
            await log.StartAsync(CancellationToken.None);
            for (var i = 0; i < Records; i++)
            {
                log.Record(new TurnRecord(Now.AddSeconds(i), "webchat", "salary", 0.9, true, ["guide-b#pay"], 3, null));
            }

            await log.StopAsync(CancellationToken.None);
        }

        using var reader = Log(options);
        var stored = await reader.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None);
        Assert.Equal(Records, stored.Count);
        Assert.Equal(Now.AddSeconds(Records - 1), stored.Max(r => r.Time));
    }

    [Fact]
    public async Task Open_AFileFromBeforeOutcomes_ReadsOldRowsAndStoresNewOnes()
    {
        var options = Options.Create(_kb.Options());
        Directory.CreateDirectory(options.Value.DataPath);
        var path = Path.Combine(options.Value.DataPath, "turns.db");
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE turns (time TEXT NOT NULL, channel TEXT NOT NULL, intent TEXT NOT NULL, score REAL NOT NULL,
                    answered INTEGER NOT NULL, passage_ids TEXT NOT NULL, latency_ms REAL NOT NULL, question TEXT);
                INSERT INTO turns VALUES ('2026-11-29T10:00:00.0000000Z', 'webchat', 'greeting', 0.9, 0, '', 1, NULL);
                INSERT INTO turns VALUES ('2026-11-29T10:01:00.0000000Z', 'webchat', 'out_of_scope', 0.8, 0, '', 1, NULL);
                INSERT INTO turns VALUES ('2026-11-29T10:02:00.0000000Z', 'webchat', 'salary', 0.7, 0, '', 1, NULL);
                INSERT INTO turns VALUES ('2026-11-29T10:03:00.0000000Z', 'webchat', 'salary', 0.9, 1, 'guide-b#pay', 1, NULL);
                """;
            await create.ExecuteNonQueryAsync();
        }

        using (var log = Log(options))
        {
            await log.StartAsync(CancellationToken.None);
            log.Record(new TurnRecord(Now, "slack", "salary", 0.6, false, [], 2, null, TurnOutcome.Declined, DeclineReason.NoPassage, "answer-1"));
            await log.StopAsync(CancellationToken.None);
        }

        using var reader = Log(options);
        var stored = await reader.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None);
        Assert.Equal(
            [(TurnOutcome.Chat, (string?)null, (string?)null), (TurnOutcome.Declined, "out_of_scope", null), (TurnOutcome.Declined, "unknown", null), (TurnOutcome.Answered, null, null), (TurnOutcome.Declined, "no_passage", "answer-1")],
            stored.Select(r => (r.Kind, r.Reason, r.AnswerId)));
    }

    private static SqliteTurnLog Log(IOptions<CareerBot.Knowledge.KnowledgeOptions> options) =>
        new(options, Options.Create(new TranscriptOptions()), Options.Create(new TurnLogOptions()), new ManualTimeProvider(Now), NullLogger<SqliteTurnLog>.Instance);
}
