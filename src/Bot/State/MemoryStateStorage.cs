using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.State;

/// <summary>
/// In-process storage, bounded: items expire after the configured idle time, and past the
/// item limit the least recently written are dropped, so a flood of one-message
/// conversations cannot grow memory without end.
/// </summary>
internal sealed class MemoryStateStorage(IOptions<StateOptions> options, TimeProvider time) : IStateStorage
{
    private readonly ConcurrentDictionary<string, Entry> _items = new(StringComparer.Ordinal);
    private readonly Lock _writeLock = new();
    private long _version;

    private sealed record Entry(string Json, string ETag, DateTimeOffset Written);

    private DateTimeOffset _swept = time.GetUtcNow();

    public int Count => _items.Count;

    public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (_items.TryGetValue(key, out var entry))
        {
            if (time.GetUtcNow() - entry.Written <= options.Value.Ttl)
            {
                return Task.FromResult<StoredItem?>(new StoredItem(entry.Json, entry.ETag));
            }

            _items.TryRemove(KeyValuePair.Create(key, entry));
        }

        return Task.FromResult<StoredItem?>(null);
    }

    public Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            var now = time.GetUtcNow();
            var exists = _items.TryGetValue(key, out var current) && now - current.Written <= options.Value.Ttl;
            if ((etag is null && exists) || (etag is not null and not "*" && (!exists || current!.ETag != etag)))
            {
                throw new StorageConflictException($"'{key}' changed since it was read");
            }

            var newTag = (++_version).ToString(CultureInfo.InvariantCulture);
            _items[key] = new Entry(json, newTag, now);
            if (_items.Count > options.Value.MaxItems)
            {
                Evict(now);
            }
            else if (now - _swept > SweepInterval(options.Value.Ttl))
            {
                // Expired conversations go within a tenth of the TTL, not only when the store is full,
                // so memory follows the live conversations rather than climbing to MaxItems.
                _swept = now;
                RemoveExpired(now);
            }

            return Task.FromResult(newTag);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _items.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private static TimeSpan SweepInterval(TimeSpan ttl) => ttl / 10 > TimeSpan.FromSeconds(1) ? ttl / 10 : TimeSpan.FromSeconds(1);

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (key, entry) in _items)
        {
            if (now - entry.Written > options.Value.Ttl)
            {
                _items.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Drops expired items, then the oldest tenth, until under the limit.</summary>
    private void Evict(DateTimeOffset now)
    {
        RemoveExpired(now);

        var excess = _items.Count - options.Value.MaxItems;
        if (excess <= 0)
        {
            return;
        }

        var drop = Math.Max(excess, options.Value.MaxItems / 10);
        foreach (var (key, _) in _items.OrderBy(p => p.Value.Written).Take(drop).ToArray())
        {
            _items.TryRemove(key, out _);
        }
    }
}
