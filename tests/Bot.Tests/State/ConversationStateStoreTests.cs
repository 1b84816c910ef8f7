using CareerBot.Bot.Turns;
using CareerBot.Bot.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests.State;

public sealed class ConversationStateStoreTests
{
    private readonly CountingStorage _storage = new();

    private ConversationStateStore Store()
    {
        var settings = Options.Create(new StateOptions());
        return new ConversationStateStore(_storage, settings, TimeProvider.System, NullLogger<ConversationStateStore>.Instance);
    }

    [Fact]
    public async Task UpdateAsync_FromTheTurnsRead_WritesWithoutReadingAgain()
    {
        var store = Store();
        await store.UpdateAsync("webchat", "c1", s => s with { Turns = 1 }, CancellationToken.None);
        var readsBefore = _storage.Reads;

        var read = await store.ReadForUpdateAsync("webchat", "c1", CancellationToken.None);
        var stored = await store.UpdateAsync(read, s => s with { Turns = s.Turns + 1 }, CancellationToken.None);

        Assert.True(stored);
        Assert.Equal(1, _storage.Reads - readsBefore);
        Assert.Equal(2, (await store.ReadAsync("webchat", "c1", CancellationToken.None)).Turns);
    }

    [Fact]
    public async Task UpdateAsync_AfterAnotherTurnWroteSinceTheRead_ReReadsAndKeepsThatWrite()
    {
        var store = Store();
        var read = await store.ReadForUpdateAsync("webchat", "c1", CancellationToken.None);
        await store.UpdateAsync("webchat", "c1", s => s with { Turns = 5 }, CancellationToken.None); // another turn, in between

        var stored = await store.UpdateAsync(read, s => s with { Turns = s.Turns + 1 }, CancellationToken.None);

        Assert.True(stored);
        Assert.Equal(6, (await store.ReadAsync("webchat", "c1", CancellationToken.None)).Turns);
    }

    /// <summary>In-memory storage that counts reads.</summary>
    private sealed class CountingStorage : WrappedMemoryStorage
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return base.ReadAsync(key, cancellationToken);
        }
    }
}
