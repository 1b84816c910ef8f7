using CareerBot.Bot.Conversation;
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

    private static SqliteTurnLog Log(IOptions<CareerBot.Knowledge.KnowledgeOptions> options) =>
        new(options, Options.Create(new TranscriptOptions()), Options.Create(new TurnLogOptions()), new ManualTimeProvider(Now), NullLogger<SqliteTurnLog>.Instance);
}
