using System.Buffers.Binary;
using System.Text;

namespace CareerBot.Bot.State;

/// <summary>Where a document lives in a <see cref="StateArena"/>: a slot in a segment, or an array of its own.</summary>
internal readonly record struct ArenaSlot(int Segment, int Offset, int Length, byte[]? Own);

/// <summary>
/// The in-memory store's documents, as UTF-8 in large segments carved into slots of a multiple of
/// 64 bytes. A freed slot goes on the free list of its size and the next document of that size
/// takes it, so rewriting a conversation's state costs no new memory. This is the point: a byte
/// array per write lived about as long as the store keeps a conversation, reached gen2 and died
/// there, and under load the collector held two to three times the live state (docs/benchmarks.md).
/// Documents over <see cref="MaxSlotBytes"/> get an array of their own. Not thread-safe: the store
/// calls it under its lock.
/// </summary>
internal sealed class StateArena
{
    /// <summary>Large enough to live on the large-object heap, which the collector does not copy.</summary>
    public const int SegmentBytes = 256 * 1024;

    public const int Granule = 64;

    public const int MaxSlotBytes = 16 * 1024;

    private const long NoSlot = -1;

    private readonly List<byte[]> _segments = [];

    // Per slot size (in granules), the first free slot as segment << 32 | offset; each free slot
    // holds the next one in its first eight bytes.
    private readonly long[] _free = new long[(MaxSlotBytes / Granule) + 1];

    private int _bump = SegmentBytes;

    public StateArena() => Array.Fill(_free, NoSlot);

    /// <summary>
    /// Bytes of the segments in the slots of live documents (with their rounding), to set against
    /// <see cref="SegmentBytesHeld"/>. Documents with arrays of their own are in neither.
    /// </summary>
    public long SlotBytesUsed { get; private set; }

    /// <summary>Bytes of segments held, used or not.</summary>
    public long SegmentBytesHeld => (long)_segments.Count * SegmentBytes;

    public ArenaSlot Store(string document)
    {
        var length = Encoding.UTF8.GetByteCount(document);
        var slot = Allocate(length);
        Encoding.UTF8.GetBytes(document, Bytes(slot));
        return slot;
    }

    /// <summary>The same document in this arena, from another one (for compaction).</summary>
    public ArenaSlot Copy(StateArena from, ArenaSlot slot)
    {
        var copy = Allocate(slot.Length);
        from.Bytes(slot).CopyTo(Bytes(copy));
        return copy;
    }

    public string Read(ArenaSlot slot) => Encoding.UTF8.GetString(Bytes(slot));

    public void Free(ArenaSlot slot)
    {
        if (slot.Own is not null)
        {
            return; // the collector takes it with the store's reference
        }

        var size = SizeClass(slot.Length);
        var segment = _segments[slot.Segment];
        BinaryPrimitives.WriteInt64LittleEndian(segment.AsSpan(slot.Offset), _free[size]);
        _free[size] = ((long)slot.Segment << 32) | (uint)slot.Offset;
        SlotBytesUsed -= size * Granule;
    }

    private ArenaSlot Allocate(int length)
    {
        if (length > MaxSlotBytes)
        {
            return new ArenaSlot(0, 0, length, new byte[length]);
        }

        var size = SizeClass(length);
        SlotBytesUsed += size * Granule;
        var head = _free[size];
        if (head != NoSlot)
        {
            var segment = (int)(head >> 32);
            var offset = (int)(uint)head;
            _free[size] = BinaryPrimitives.ReadInt64LittleEndian(_segments[segment].AsSpan(offset));
            return new ArenaSlot(segment, offset, length, null);
        }

        var bytes = size * Granule;
        if (_bump + bytes > SegmentBytes)
        {
            // The rest of the last segment (under MaxSlotBytes) is left unused.
            _segments.Add(GC.AllocateUninitializedArray<byte>(SegmentBytes));
            _bump = 0;
        }

        var slot = new ArenaSlot(_segments.Count - 1, _bump, length, null);
        _bump += bytes;
        return slot;
    }

    private Span<byte> Bytes(ArenaSlot slot) =>
        slot.Own is { } own ? own.AsSpan() : _segments[slot.Segment].AsSpan(slot.Offset, slot.Length);

    /// <summary>Slot size in granules; at least one, so a free slot has room for its link.</summary>
    private static int SizeClass(int length) => Math.Max(1, (length + Granule - 1) / Granule);
}
