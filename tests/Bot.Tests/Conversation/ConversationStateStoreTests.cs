using CareerBot.Bot.Conversation;
using CareerBot.Bot.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests.Conversation;

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
    private sealed class CountingStorage : IStateStorage
    {
        private readonly MemoryStateStorage _inner = new(Options.Create(new StateOptions()), TimeProvider.System, NullLogger<MemoryStateStorage>.Instance);
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return _inner.ReadAsync(key, cancellationToken);
        }

        public Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken) =>
            _inner.WriteAsync(key, json, etag, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => _inner.DeleteAsync(key, cancellationToken);
    }
}
