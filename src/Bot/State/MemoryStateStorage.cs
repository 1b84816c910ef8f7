using System.Buffers.Binary;
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
/// <remarks>
/// With a new conversation per visitor and a TTL of an hour the store holds tens of thousands of
/// items, so each is kept small: the key as its <see cref="StateKey"/> hash, and the item as one
/// byte array holding its version, its write time and the document as UTF-8.
/// </remarks>
internal sealed partial class MemoryStateStorage(IOptions<StateOptions> options, TimeProvider time, ILogger<MemoryStateStorage> logger) : IStateStorage
{
    private static readonly TimeSpan WarnInterval = TimeSpan.FromMinutes(1);
    private const int HeaderBytes = 16;
    private readonly ConcurrentDictionary<UInt128, byte[]> _items = new();
    private readonly Lock _sweepLock = new();
    private long _version;

    // Kept beside the dictionary: ConcurrentDictionary.Count takes every lock.
    private int _count;

    private DateTimeOffset _swept = time.GetUtcNow();
    private DateTimeOffset _warned = DateTimeOffset.MinValue;
    private int _droppedSinceWarning;

    public int Count => Volatile.Read(ref _count);

    public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var id = Id(key);
        if (_items.TryGetValue(id, out var entry))
        {
            if (time.GetUtcNow() - Written(entry) <= options.Value.Ttl)
            {
                return Task.FromResult<StoredItem?>(new StoredItem(Encoding.UTF8.GetString(entry.AsSpan(HeaderBytes)), ETag(entry)));
            }

            Remove(id, entry);
        }

        return Task.FromResult<StoredItem?>(null);
    }

    public Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var id = Id(key);
        var written = Entry(json, Interlocked.Increment(ref _version), now);
        while (true)
        {
            var found = _items.TryGetValue(id, out var current);
            var live = found && now - Written(current!) <= settings.Ttl;
            if ((etag is null && live) || (etag is not null and not "*" && (!live || ETag(current!) != etag)))
            {
                throw new StorageConflictException($"'{key}' changed since it was read");
            }

            // Replace exactly what was checked (the same array, by reference); if another turn got there first, check again.
            if (found ? _items.TryUpdate(id, written, current!) : _items.TryAdd(id, written))
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

        return Task.FromResult(ETag(written));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (_items.TryRemove(Id(key), out _))
        {
            Interlocked.Decrement(ref _count);
        }

        return Task.CompletedTask;
    }

    private static UInt128 Id(string key) => StateKey.Hash(key);

    /// <summary>Version (8 bytes), write time in UTC ticks (8 bytes), then the document as UTF-8.</summary>
    private static byte[] Entry(string json, long version, DateTimeOffset written)
    {
        var entry = new byte[HeaderBytes + Encoding.UTF8.GetByteCount(json)];
        BinaryPrimitives.WriteInt64LittleEndian(entry, version);
        BinaryPrimitives.WriteInt64LittleEndian(entry.AsSpan(8), written.UtcTicks);
        Encoding.UTF8.GetBytes(json, entry.AsSpan(HeaderBytes));
        return entry;
    }

    private static long Version(byte[] entry) => BinaryPrimitives.ReadInt64LittleEndian(entry);

    private static string ETag(byte[] entry) => Version(entry).ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Written(byte[] entry) => new(BinaryPrimitives.ReadInt64LittleEndian(entry.AsSpan(8)), TimeSpan.Zero);

    private static TimeSpan SweepInterval(TimeSpan ttl) => ttl / 10 > TimeSpan.FromSeconds(1) ? ttl / 10 : TimeSpan.FromSeconds(1);

    private bool Remove(UInt128 id, byte[] entry)
    {
        if (_items.TryRemove(KeyValuePair.Create(id, entry)))
        {
            Interlocked.Decrement(ref _count);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Expired items go within a tenth of the TTL, not only when the store is full, so memory
    /// follows the live conversations rather than climbing to MaxItems; past the limit the least
    /// recently written tenth goes too. A thread that finds a sweep under way goes on without waiting.
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
            foreach (var (id, entry) in _items)
            {
                if (now - Written(entry) > settings.Ttl)
                {
                    Remove(id, entry);
                }
            }

            var excess = Count - settings.MaxItems;
            if (excess > 0)
            {
                // Versions count writes, so the items to keep are at most the last `keep` writes: one
                // pass drops everything written before them, with no sort and no copy of the store
                // (sorting 100,000 items on a request thread stalled that request and filled the
                // large-object heap). When some of those writes updated the same items, a few more go.
                var keep = Count - Math.Max(excess, settings.MaxItems / 10);
                var cutoff = Interlocked.Read(ref _version) - keep;
                var dropped = 0;
                foreach (var (id, entry) in _items)
                {
                    if (Version(entry) <= cutoff && Remove(id, entry))
                    {
                        dropped++;
                    }
                }

                WarnOfDroppedConversations(dropped, now, settings);
            }
        }
        finally
        {
            _sweepLock.Exit();
        }
    }

    /// <summary>
    /// Conversations still within their TTL were forgotten: their follow-ups lose context. Said at
    /// most once a minute (with the count since the last warning), so the operator learns the bound
    /// is too small for the traffic without a line per sweep.
    /// </summary>
    private void WarnOfDroppedConversations(int dropped, DateTimeOffset now, StateOptions settings)
    {
        _droppedSinceWarning += dropped;
        if (_droppedSinceWarning > 0 && now - _warned >= WarnInterval)
        {
            Log.LiveConversationsDropped(logger, _droppedSinceWarning, settings.MaxItems);
            _warned = now;
            _droppedSinceWarning = 0;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "In-memory conversation state is full: {Dropped} conversations within their TTL were forgotten since the last warning (State:MaxItems = {MaxItems}); raise State:MaxItems or keep state in Blob storage (State:BlobConnectionString)")]
        public static partial void LiveConversationsDropped(ILogger logger, int dropped, int maxItems);
    }
}
