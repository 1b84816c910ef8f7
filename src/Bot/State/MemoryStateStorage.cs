using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.State;

/// <summary>
/// In-process storage, bounded: items expire after the configured idle time, and past the
/// item limit the least recently written are dropped, so a flood of one-message
/// conversations cannot grow memory without end. A write is a compare-and-swap on its own
/// key (the ETag check and the write are one step), so conversations do not wait for each
/// other; only the sweep of expired items takes a lock, and one thread does it at a time.
/// </summary>
internal sealed class MemoryStateStorage(IOptions<StateOptions> options, TimeProvider time) : IStateStorage
{
    private readonly ConcurrentDictionary<string, Entry> _items = new(StringComparer.Ordinal);
    private readonly Lock _sweepLock = new();
    private long _version;

    // Kept beside the dictionary: ConcurrentDictionary.Count takes every lock.
    private int _count;

    /// <summary>
    /// The document as UTF-8 (half the size of a string: with a new conversation per visitor and a
    /// TTL of an hour, the store holds tens of thousands of them) and its version as a number.
    /// </summary>
    private sealed record Entry(byte[] Utf8, long Version, DateTimeOffset Written)
    {
        public string ETag => Version.ToString(CultureInfo.InvariantCulture);
    }

    private DateTimeOffset _swept = time.GetUtcNow();

    public int Count => Volatile.Read(ref _count);

    public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (_items.TryGetValue(key, out var entry))
        {
            if (time.GetUtcNow() - entry.Written <= options.Value.Ttl)
            {
                return Task.FromResult<StoredItem?>(new StoredItem(Encoding.UTF8.GetString(entry.Utf8), entry.ETag));
            }

            Remove(key, entry);
        }

        return Task.FromResult<StoredItem?>(null);
    }

    public Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var written = new Entry(Encoding.UTF8.GetBytes(json), Interlocked.Increment(ref _version), now);
        while (true)
        {
            var found = _items.TryGetValue(key, out var current);
            var live = found && now - current!.Written <= settings.Ttl;
            if ((etag is null && live) || (etag is not null and not "*" && (!live || current!.ETag != etag)))
            {
                throw new StorageConflictException($"'{key}' changed since it was read");
            }

            // Replace exactly what was checked; if another turn got there first, check again.
            if (found ? _items.TryUpdate(key, written, current!) : _items.TryAdd(key, written))
            {
                if (!found)
                {
                    Interlocked.Increment(ref _count);
                }

                break;
            }
        }

        if (Count > settings.MaxItems || now - _swept > SweepInterval(settings.Ttl))
        {
            Sweep(now, settings);
        }

        return Task.FromResult(written.ETag);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (_items.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref _count);
        }

        return Task.CompletedTask;
    }

    private static TimeSpan SweepInterval(TimeSpan ttl) => ttl / 10 > TimeSpan.FromSeconds(1) ? ttl / 10 : TimeSpan.FromSeconds(1);

    private void Remove(string key, Entry entry)
    {
        if (_items.TryRemove(KeyValuePair.Create(key, entry)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>
    /// Expired items go within a tenth of the TTL, not only when the store is full, so memory
    /// follows the live conversations rather than climbing to MaxItems; past the limit the oldest
    /// tenth goes too. A thread that finds a sweep under way goes on without waiting.
    /// </summary>
    private void Sweep(DateTimeOffset now, StateOptions settings)
    {
        if (!_sweepLock.TryEnter())
        {
            return;
        }

        try
        {
            _swept = now;
            foreach (var (key, entry) in _items)
            {
                if (now - entry.Written > settings.Ttl)
                {
                    Remove(key, entry);
                }
            }

            var excess = Count - settings.MaxItems;
            if (excess > 0)
            {
                var drop = Math.Max(excess, settings.MaxItems / 10);
                foreach (var (key, entry) in _items.OrderBy(p => p.Value.Written).Take(drop).ToArray())
                {
                    Remove(key, entry);
                }
            }
        }
        finally
        {
            _sweepLock.Exit();
        }
    }
}
