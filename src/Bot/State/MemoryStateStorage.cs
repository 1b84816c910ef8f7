using System.Globalization;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.State;

/// <summary>
/// In-process storage, bounded: items expire after the configured idle time, and past the
/// item limit the least recently written are dropped, so a flood of one-message
/// conversations cannot grow memory without end. Reads and writes take one lock for the
/// length of a dictionary lookup and a copy of the document (a microsecond or so); the ETag
/// check and the write are one step under it.
/// </summary>
/// <remarks>
/// With a new conversation per visitor and a TTL of an hour the store holds tens of thousands of
/// items, so each is kept small and off the collector's books: the key as its <see cref="StateKey"/>
/// hash, version and write time inline in the dictionary, and the document as UTF-8 in a
/// <see cref="StateArena"/> slot that the next write of that size reuses.
/// </remarks>
internal sealed partial class MemoryStateStorage(IOptions<StateOptions> options, TimeProvider time, ILogger<MemoryStateStorage> logger) : IStateStorage
{
    private static readonly TimeSpan WarnInterval = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private Dictionary<UInt128, Item> _items = [];
    private StateArena _arena = new();
    private long _version;

    private DateTimeOffset _swept = time.GetUtcNow();
    private DateTimeOffset _warned = DateTimeOffset.MinValue;
    private int _droppedSinceWarning;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Bytes of arena segments held: follows the live conversations, not the busiest hour.</summary>
    internal long SegmentBytesHeld
    {
        get
        {
            lock (_lock)
            {
                return _arena.SegmentBytesHeld;
            }
        }
    }

    public Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var id = Id(key);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_items.TryGetValue(id, out var item))
            {
                if (Live(item, now, options.Value.Ttl))
                {
                    return Task.FromResult<StoredItem?>(new StoredItem(_arena.Read(item.Document), ETag(item.Version)));
                }

                Remove(id, item);
            }
        }

        return Task.FromResult<StoredItem?>(null);
    }

    /// <summary>Every call completes at once, in the process: no timeout is needed.</summary>
    public bool MayWait => false;

    public Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var id = Id(key);
        long version;
        lock (_lock)
        {
            var found = _items.TryGetValue(id, out var current);
            var live = found && Live(current, now, settings.Ttl);
            if ((etag is null && live) || (etag is not null and not "*" && (!live || !IsETagOf(etag, current))))
            {
                throw new StorageConflictException($"'{key}' changed since it was read");
            }

            if (found)
            {
                _arena.Free(current.Document); // first, so the new document can take its slot
            }

            var document = _arena.Store(json);

            version = ++_version;
            _items[id] = new Item(version, now.UtcTicks, document);
            if (_items.Count > settings.MaxItems || now - _swept > SweepInterval(settings.Ttl))
            {
                Sweep(now, settings);
            }
        }

        return Task.FromResult(ETag(version));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var id = Id(key);
        lock (_lock)
        {
            if (_items.TryGetValue(id, out var item))
            {
                Remove(id, item);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Version (counts writes), write time in UTC ticks, and where the document is.</summary>
    private readonly record struct Item(long Version, long WrittenTicks, ArenaSlot Document);

    private static UInt128 Id(string key) => StateKey.Hash(key);

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static bool IsETagOf(string etag, Item item) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version == item.Version;

    private static bool Live(Item item, DateTimeOffset now, TimeSpan ttl) => now.UtcTicks - item.WrittenTicks <= ttl.Ticks;

    private static TimeSpan SweepInterval(TimeSpan ttl) => ttl / 10 > TimeSpan.FromSeconds(1) ? ttl / 10 : TimeSpan.FromSeconds(1);

    private void Remove(UInt128 id, Item item)
    {
        _items.Remove(id);
        _arena.Free(item.Document);
    }

    /// <summary>
    /// Expired items go within a tenth of the TTL, not only when the store is full, so memory
    /// follows the live conversations rather than climbing to MaxItems; past the limit the least
    /// recently written tenth goes too. One pass over the items, under the lock: about 50 µs for
    /// 10,000 of them, once per thousand writes at the most.
    /// </summary>
    private void Sweep(DateTimeOffset now, StateOptions settings)
    {
        _swept = now;
        foreach (var (id, item) in _items)
        {
            if (!Live(item, now, settings.Ttl))
            {
                Remove(id, item);
            }
        }

        var excess = _items.Count - settings.MaxItems;
        if (excess > 0)
        {
            // Versions count writes, so the items to keep are at most the last `keep` writes: one
            // pass drops everything written before them, with no sort and no copy of the store.
            // When some of those writes updated the same items, a few more go.
            var keep = _items.Count - Math.Max(excess, settings.MaxItems / 10);
            var cutoff = _version - keep;
            var dropped = 0;
            foreach (var (id, item) in _items)
            {
                if (item.Version <= cutoff)
                {
                    Remove(id, item);
                    dropped++;
                }
            }

            WarnOfDroppedConversations(dropped, now, settings);
        }

        CompactIfSparse();
    }

    /// <summary>
    /// After a busy hour the conversations expire but their segments would stay: when under a
    /// quarter of the segments' bytes are in use, the documents move into a fresh arena (and the
    /// dictionary into one of their size), and the old ones go to the collector.
    /// </summary>
    private void CompactIfSparse()
    {
        if (_arena.SegmentBytesHeld < 4L * StateArena.SegmentBytes || _arena.SlotBytesUsed * 4 > _arena.SegmentBytesHeld)
        {
            return;
        }

        var arena = new StateArena();
        var items = new Dictionary<UInt128, Item>(_items.Count);
        foreach (var (id, item) in _items)
        {
            items.Add(id, item with { Document = arena.Copy(_arena, item.Document) });
        }

        _arena = arena;
        _items = items;
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
