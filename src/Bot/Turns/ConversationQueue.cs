namespace CareerBot.Bot.Turns;

/// <summary>
/// One turn at a time per conversation, in the order they arrived. A visitor who sends a follow-up
/// before the first answer is stored gets it answered after that answer, with its context, instead of
/// from the state before it. Gates exist only while a turn of their conversation runs or waits, so the
/// table is bounded by the turns in flight (<c>Bot:MaxConcurrentTurns</c>). Within one instance only:
/// instances that share Blob state still merge concurrent writes through ETags.
/// </summary>
internal sealed partial class ConversationQueue(ILogger<ConversationQueue> logger)
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for the earlier turns of the conversation <paramref name="key"/> names (on <paramref name="channel"/>,
    /// as logs name it); dispose the result when the turn ends. <see cref="Turn.Waited"/> says whether one was still running.
    /// </summary>
    public async ValueTask<Turn> EnterAsync(string channel, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out gate!))
            {
                gate = new Gate();
                _gates.Add(key, gate);
            }

            gate.Users++;
        }

        if (gate.Semaphore.Wait(0))
        {
            return new Turn(this, key, gate, waited: false);
        }

        Log.Waiting(logger, channel);
        try
        {
            // SemaphoreSlim serves its asynchronous waiters first in, first out.
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, gate, entered: false);
            throw;
        }

        return new Turn(this, key, gate, waited: true);
    }

    /// <summary>How many conversations have a turn running or waiting (for tests).</summary>
    internal int Count
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    private void Leave(string key, Gate gate, bool entered)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(key);
            }
        }

        if (entered)
        {
            gate.Semaphore.Release();
        }
    }

    /// <summary>A conversation's turn in progress; disposing it (once is enough) lets the next one in.</summary>
    internal sealed class Turn(ConversationQueue queue, string key, Gate gate, bool waited) : IDisposable
    {
        private int _disposed;

        /// <summary>True when the turn had to wait for an earlier turn of its conversation.</summary>
        public bool Waited { get; } = waited;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                queue.Leave(key, gate, entered: true);
            }
        }
    }

    internal sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        /// <summary>Turns that hold or wait for the gate; guarded by the queue's table.</summary>
        public int Users { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "A turn on {Channel} waits for the previous turn of its conversation")]
        public static partial void Waiting(ILogger logger, string channel);
    }
}
