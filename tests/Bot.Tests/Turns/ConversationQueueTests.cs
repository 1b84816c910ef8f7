using CareerBot.Bot.Turns;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerBot.Bot.Tests.Turns;

public sealed class ConversationQueueTests
{
    [Fact]
    public async Task TurnsOfOneConversation_RunOneAtATime_InTheOrderTheyArrived()
    {
        var queue = new ConversationQueue(NullLogger<ConversationQueue>.Instance);
        var first = await queue.EnterAsync("emulator", "emulator:c1", CancellationToken.None);
        var second = queue.EnterAsync("emulator", "emulator:c1", CancellationToken.None).AsTask();
        var third = queue.EnterAsync("emulator", "emulator:c1", CancellationToken.None).AsTask();

        Assert.False(first.Waited);
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);

        first.Dispose();
        var inSecond = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(inSecond.Waited);
        Assert.False(third.IsCompleted);

        inSecond.Dispose();
        inSecond.Dispose(); // a second dispose lets nobody else in
        using var inThird = await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(inThird.Waited);
        Assert.False(queue.EnterAsync("emulator", "emulator:c1", CancellationToken.None).AsTask().IsCompleted);
    }

    [Fact]
    public async Task OtherConversations_DoNotWait()
    {
        var queue = new ConversationQueue(NullLogger<ConversationQueue>.Instance);
        using var one = await queue.EnterAsync("emulator", "emulator:c1", CancellationToken.None);

        var other = queue.EnterAsync("emulator", "emulator:c2", CancellationToken.None);
        var sameIdOtherChannel = queue.EnterAsync("msteams", "msteams:c1", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.True(sameIdOtherChannel.IsCompletedSuccessfully);
        (await other).Dispose();
        (await sameIdOtherChannel).Dispose();
    }

    [Fact]
    public async Task GatesAreDropped_WhenTheirTurnsEnd_OrTheWaitIsCancelled()
    {
        var queue = new ConversationQueue(NullLogger<ConversationQueue>.Instance);
        var running = await queue.EnterAsync("emulator", "emulator:c1", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = queue.EnterAsync("emulator", "emulator:c1", cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, queue.Count);

        running.Dispose();
        Assert.Equal(0, queue.Count);
        using var again = await queue.EnterAsync("emulator", "emulator:c1", CancellationToken.None);
        Assert.False(again.Waited);
    }
}
