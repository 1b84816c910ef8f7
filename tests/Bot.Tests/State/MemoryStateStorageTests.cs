using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using CareerBot.Bot.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests.State;

public sealed class MemoryStateStorageTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    private readonly ListLogger _log = new();

    /// <summary>About the size of a real conversation's state (600-700 bytes).</summary>
    private static string TypicalState(char filler) => "{\"question\":\"" + new string(filler, 600) + "\"}";

    private static async Task WriteNewAsync(MemoryStateStorage storage, string prefix, int count, string state)
    {
        for (var i = 0; i < count; i++)
        {
            await storage.WriteAsync(prefix + i, state, null, CancellationToken.None);
        }
    }

    private MemoryStateStorage Storage(int maxItems = 100) =>
        new(Options.Create(new StateOptions { Ttl = TimeSpan.FromMinutes(30), MaxItems = maxItems }), _time, new Logger<MemoryStateStorage>(new LoggerFactory([_log])));

    [Fact]
    public async Task Read_AfterTtl_IsGone()
    {
        var storage = Storage();
        await storage.WriteAsync("k", "{}", null, CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(await storage.ReadAsync("k", CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await storage.ReadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Write_AfterATenthOfTheTtl_SweepsExpiredConversationsBeforeTheStoreIsFull()
    {
        var storage = Storage(maxItems: 100);
        for (var i = 0; i < 10; i++)
        {
            await storage.WriteAsync($"old-{i}", "{}", null, CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromMinutes(31));
        await storage.WriteAsync("new", "{}", null, CancellationToken.None);

        Assert.Equal(1, storage.Count);
    }

    [Fact]
    public async Task Write_ETagSemantics_MatchIStorage()
    {
        var storage = Storage();
        var tag = await storage.WriteAsync("k", "1", null, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync("k", "2", null, CancellationToken.None));
        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync("k", "2", "stale", CancellationToken.None));
        var next = await storage.WriteAsync("k", "2", tag, CancellationToken.None);
        await storage.WriteAsync("k", "3", "*", CancellationToken.None);

        Assert.NotEqual(tag, next);
        Assert.Equal("3", (await storage.ReadAsync("k", CancellationToken.None))!.Json);
    }

    [Fact]
    public async Task Write_ManyConversations_StaysWithinTheLimit()
    {
        var storage = Storage(maxItems: 1000);

        for (var i = 0; i < 20_000; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await storage.WriteAsync("conversation-" + i, "{}", null, CancellationToken.None);
        }

        Assert.InRange(storage.Count, 1, 1000);
        Assert.NotNull(await storage.ReadAsync("conversation-19999", CancellationToken.None));
        Assert.Null(await storage.ReadAsync("conversation-0", CancellationToken.None));
    }

    [Fact]
    public async Task Write_PastTheLimit_DropsTheLeastRecentlyWrittenTenth()
    {
        var storage = Storage(maxItems: 100);
        for (var i = 0; i < 100; i++)
        {
            await storage.WriteAsync("conversation-" + i, "{}", null, CancellationToken.None);
        }

        await storage.WriteAsync("conversation-0", "{\"turns\":2}", "*", CancellationToken.None); // the oldest, written again
        await storage.WriteAsync("conversation-100", "{}", null, CancellationToken.None);

        Assert.Equal(91, storage.Count);
        Assert.Equal("{\"turns\":2}", (await storage.ReadAsync("conversation-0", CancellationToken.None))?.Json);
        for (var i = 1; i <= 10; i++)
        {
            Assert.Null(await storage.ReadAsync("conversation-" + i, CancellationToken.None));
        }

        Assert.NotNull(await storage.ReadAsync("conversation-11", CancellationToken.None));
        Assert.NotNull(await storage.ReadAsync("conversation-100", CancellationToken.None));
    }

    [Fact]
    public async Task Write_PastTheLimit_WarnsThatLiveConversationsWereForgottenAtMostOnceAMinute()
    {
        var storage = Storage(maxItems: 100);
        for (var i = 0; i < 100; i++)
        {
            await storage.WriteAsync("conversation-" + i, "{}", null, CancellationToken.None);
        }

        var quiet = _log.Events.Count(e => e.EventId == 2102);
        for (var i = 100; i < 250; i++)
        {
            await storage.WriteAsync("conversation-" + i, "{}", null, CancellationToken.None);
        }

        var first = _log.Events.Where(e => e.EventId == 2102).ToList();
        _time.Advance(TimeSpan.FromMinutes(1));
        await storage.WriteAsync("conversation-250", "{}", null, CancellationToken.None);
        var warnings = _log.Events.Where(e => e.EventId == 2102).ToList();

        Assert.Equal(0, quiet);
        var warning = Assert.Single(first);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("10 conversations", warning.Message, StringComparison.Ordinal); // the first sweep's tenth
        Assert.Contains("State:MaxItems = 100", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, warnings.Count); // the sweeps in between are counted into the next one
        Assert.Contains("150 conversations", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_TheSameConversationsAgainAndAgain_NeedsNoMoreMemory()
    {
        var storage = Storage(maxItems: 1000);
        var state = TypicalState('q');
        await WriteNewAsync(storage, "conversation-", 1000, state);

        var held = storage.SegmentBytesHeld;
        for (var round = 0; round < 10; round++)
        {
            for (var i = 0; i < 1000; i++)
            {
                var current = await storage.ReadAsync("conversation-" + i, CancellationToken.None);
                await storage.WriteAsync("conversation-" + i, TypicalState((char)('a' + round)), current!.ETag, CancellationToken.None);
            }
        }

        Assert.InRange(held, 1, 4 * StateArena.SegmentBytes);
        Assert.Equal(held, storage.SegmentBytesHeld);
        Assert.Equal(TypicalState('j'), (await storage.ReadAsync("conversation-999", CancellationToken.None))?.Json);
    }

    [Fact]
    public async Task Sweep_AfterABusySpell_GivesTheMemoryBack_EvenWithLargeDocumentsStillLive()
    {
        var storage = Storage(maxItems: 100_000);
        await WriteNewAsync(storage, "busy-", 5000, TypicalState('q'));
        var busy = storage.SegmentBytesHeld;
        _time.Advance(TimeSpan.FromMinutes(20));
        var large = "{\"q\":\"" + new string('l', StateArena.MaxSlotBytes) + "\"}";
        await WriteNewAsync(storage, "large-", 64, large); // 1 MiB in arrays of their own, outside the segments

        _time.Advance(TimeSpan.FromMinutes(15)); // the busy ones are past the TTL, the large ones are not
        await storage.WriteAsync("last", "{}", null, CancellationToken.None);

        Assert.True(busy >= 10 * StateArena.SegmentBytes, $"{busy} bytes");
        Assert.Equal(StateArena.SegmentBytes, storage.SegmentBytesHeld);
        Assert.Equal(65, storage.Count);
        Assert.Equal(large, (await storage.ReadAsync("large-63", CancellationToken.None))?.Json);
    }

    [Fact]
    public async Task Sweep_AfterABusySpellHasExpired_GivesTheMemoryBack()
    {
        var storage = Storage(maxItems: 100_000);
        await WriteNewAsync(storage, "busy-", 5000, TypicalState('q'));

        var busy = storage.SegmentBytesHeld;
        _time.Advance(TimeSpan.FromMinutes(20));
        await storage.WriteAsync("later", "{\"turns\":1}", null, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(15)); // the busy ones are past the TTL, "later" is not
        await storage.WriteAsync("last", "{}", null, CancellationToken.None);

        Assert.True(busy >= 10 * StateArena.SegmentBytes, $"{busy} bytes");
        Assert.Equal(StateArena.SegmentBytes, storage.SegmentBytesHeld);
        Assert.Equal(2, storage.Count);
        Assert.Equal("{\"turns\":1}", (await storage.ReadAsync("later", CancellationToken.None))?.Json);
        Assert.Null(await storage.ReadAsync("busy-4999", CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentUpdates_OneConversation_LoseNoUpdate()
    {
        var settings = Options.Create(new StateOptions { Ttl = TimeSpan.FromMinutes(30), MaxItems = 100, Timeout = TimeSpan.FromSeconds(30) });
        var store = new ConversationStateStore(new MemoryStateStorage(settings, TimeProvider.System, NullLogger<MemoryStateStorage>.Instance), settings, TimeProvider.System, NullLogger<ConversationStateStore>.Instance);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ =>
            Task.Run(() => store.UpdateAsync("emulator", "busy", s => s with { Turns = s.Turns + 1 }, CancellationToken.None))));

        Assert.All(results, Assert.True);
        Assert.Equal(64, (await store.ReadAsync("emulator", "busy", CancellationToken.None)).Turns);
    }
}
