using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Operations;

/// <summary>
/// What every turn log shares: turns hand records to a bounded queue and go on (a full queue drops
/// the record and counts it, never waits); a background writer lets a batch gather for 10 ms after
/// the first record arrives, then hands up to 500 at a time to <see cref="WriteAsync"/>. Stopping
/// stores what is still queued, so no accepted turn's record is lost while storage is up. The
/// question text is kept only with transcripts on; otherwise it never leaves the turn.
/// </summary>
internal abstract partial class BatchingTurnLog(IOptions<TranscriptOptions> transcripts, ILogger logger) : BackgroundService, ITurnLog
{
    /// <summary>The most records handed to <see cref="WriteAsync"/> at once.</summary>
    protected const int MaxBatch = 500;

    private const int QueueCapacity = 10_000;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(10);
    private readonly Channel<TurnRecord> _queue = Channel.CreateBounded<TurnRecord>(new BoundedChannelOptions(QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private long _dropped;

    public void Record(TurnRecord record)
    {
        var kept = transcripts.Value.Enabled ? record : record with { Question = null };
        if (!_queue.Writer.TryWrite(kept))
        {
            // The writer is behind: the record is dropped, never waited for; the count says how many.
            var dropped = Interlocked.Increment(ref _dropped);
            if (dropped == 1 || dropped % 1000 == 0)
            {
                Log.RecordsDropped(logger, dropped);
            }
        }
    }

    public abstract Task<IReadOnlyList<TurnRecord>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Stores one batch. A failure is the store's to log and count: nothing may reach the turns,
    /// and the next batch tries again. Not cancelled by stopping, so a batch taken from the queue is
    /// stored, not lost (each store bounds its own calls).
    /// </summary>
    protected abstract Task WriteAsync(IReadOnlyList<TurnRecord> batch);

    /// <summary>After the last batch is stored at stop: release what the writes kept open.</summary>
    protected virtual ValueTask OnStoppedAsync() => ValueTask.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                // Let a batch gather: written as they came, records went one or two per transaction,
                // thousands of commits a second under load. A record waits at most this long (a
                // wall-clock pause, not the injected clock: it is about batching, not about time of day).
                await Task.Delay(BatchWindow, stoppingToken).ConfigureAwait(false);
                await WriteAllQueuedAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync stores what is still queued.
        }
    }

    /// <summary>
    /// After the writer has stopped, stores anything still queued: a host stopped moments after it
    /// started may cancel the writer before it ever ran, and those records were accepted too.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // base.StopAsync returns when the host's stop deadline passes even if the writer is still storing
        // a batch; the queue has one reader, so the drain below starts only once the writer has finished.
        await (ExecuteTask ?? Task.CompletedTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await WriteAllQueuedAsync().ConfigureAwait(false);
        await OnStoppedAsync().ConfigureAwait(false);
    }

    private async Task WriteAllQueuedAsync()
    {
        var batch = new List<TurnRecord>(MaxBatch);
        do
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch).ConfigureAwait(false);
            }
        }
        while (batch.Count == MaxBatch);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2701, Level = LogLevel.Warning, Message = "The turn-record queue is full; {Dropped} records dropped so far")]
        public static partial void RecordsDropped(ILogger logger, long dropped);
    }
}
