using CareerBot.Bot.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CareerBot.Bot.Tests.State;

public sealed class ConversationStateStoreTests
{
    private readonly WrappedMemoryStorage _inner = new();
    private readonly Mock<IStateStorage> _storage = new();

    public ConversationStateStoreTests()
    {
        // Every call goes to in-memory storage; the mock only records the calls.
        _storage.Setup(s => s.ReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string key, CancellationToken token) => _inner.ReadAsync(key, token));
        _storage.Setup(s => s.WriteAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns((string key, string json, string? etag, CancellationToken token) => _inner.WriteAsync(key, json, etag, token));
    }

    private ConversationStateStore Store()
    {
        var settings = Options.Create(new StateOptions());
        return new ConversationStateStore(_storage.Object, settings, TimeProvider.System, NullLogger<ConversationStateStore>.Instance);
    }

    [Fact]
    public async Task UpdateAsync_FromTheTurnsRead_WritesWithoutReadingAgain()
    {
        var store = Store();
        await store.UpdateAsync("webchat", "c1", s => s with { Turns = 1 }, CancellationToken.None);
        _storage.Invocations.Clear();

        var read = await store.ReadForUpdateAsync("webchat", "c1", CancellationToken.None);
        var stored = await store.UpdateAsync(read, s => s with { Turns = s.Turns + 1 }, CancellationToken.None);

        Assert.True(stored);
        _storage.Verify(s => s.ReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once());
        _storage.Verify(s => s.WriteAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once());
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

    [Fact]
    public async Task UpdateAsync_TheFollowUpContext_ComesBackWhole_WithThePassageQuotedInPart()
    {
        // "tell me more" and "the second one" in the next turn rely on every part of the context, read back from storage.
        var store = Store();
        var context = new CareerBot.Knowledge.Answers.ConversationContext("salary", "how much do juniors earn?", ["junior", "salari"], ["g#a", "g#b"]) { Unfinished = "g#a", Items = ["entry level", "senior"] };
        await store.UpdateAsync("webchat", "c1", s => s with { Context = context }, CancellationToken.None);

        var read = (await store.ReadAsync("webchat", "c1", CancellationToken.None)).Context;

        Assert.NotNull(read);
        Assert.Equal(context.Topic, read.Topic);
        Assert.Equal(context.Question, read.Question);
        Assert.Equal(context.Terms, read.Terms);
        Assert.Equal(context.PassageIds, read.PassageIds);
        Assert.Equal("g#a", read.Unfinished);
        Assert.Equal(["entry level", "senior"], read.Items);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_OnlyAStoreThatMayWait_IsCalledWithATimeoutToken(bool mayWait)
    {
        _storage.SetupGet(s => s.MayWait).Returns(mayWait);
        var seen = new List<CancellationToken>();
        _storage.Setup(s => s.ReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string key, CancellationToken token) =>
            {
                seen.Add(token);
                return _inner.ReadAsync(key, token);
            });
        using var caller = new CancellationTokenSource();

        await Store().ReadAsync("webchat", "c1", caller.Token);

        // A store that may wait gets the caller's token linked with State:Timeout; one that cannot, the caller's own (no timer).
        Assert.Equal(!mayWait, Assert.Single(seen) == caller.Token);
    }
}
