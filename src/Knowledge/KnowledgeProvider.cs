namespace CareerBot.Knowledge;

/// <summary>
/// Holds the knowledge snapshot every turn reads. A turn takes <see cref="Current"/> once
/// and uses that one snapshot throughout, so a swap never mixes two versions in a turn.
/// </summary>
public sealed class KnowledgeProvider : IDisposable
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private KnowledgeSnapshot? _current;

    /// <summary>The snapshot turns use; throws until one is loaded.</summary>
    public KnowledgeSnapshot Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("The knowledge base is not loaded yet.");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    /// <summary>
    /// Completes when the first snapshot is loaded (the bot may take requests while it loads), or
    /// fails with the reason the first load failed, so that requests waiting for it fail at once.
    /// </summary>
    public Task WhenLoaded => _loaded.Task;

    /// <summary>The first load failed: every request waiting in <see cref="WhenLoaded"/> fails with <paramref name="reason"/>.</summary>
    public void LoadFailed(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        _loaded.TrySetException(reason);
    }

    /// <summary>Makes <paramref name="snapshot"/> current; returns the one it replaced.</summary>
    public KnowledgeSnapshot? Swap(KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var previous = Interlocked.Exchange(ref _current, snapshot);
        _loaded.TrySetResult();
        return previous;
    }

    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Dispose();
}
