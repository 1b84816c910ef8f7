using CareerBot.Bot.State;

namespace CareerBot.Bot.Tests.State;

public sealed class StateArenaTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"q\":\"Ist ein Doktortitel nötig? 博士学位\"}")]
    public void Store_ThenRead_GivesTheDocumentBack(string document)
    {
        var arena = new StateArena();

        Assert.Equal(document, arena.Read(arena.Store(document)));
    }

    [Fact]
    public void Store_ADocumentLargerThanASlot_KeepsItWholeOutsideTheSegments()
    {
        var arena = new StateArena();
        var small = arena.Store("{}");
        var large = new string('x', StateArena.MaxSlotBytes + 1);

        var slot = arena.Store(large);

        Assert.Equal(large, arena.Read(slot));
        Assert.Equal(StateArena.Granule, arena.SlotBytesUsed); // only the small one's slot
        Assert.Equal(StateArena.SegmentBytes, arena.SegmentBytesHeld);
        arena.Free(slot);
        Assert.Equal(StateArena.Granule, arena.SlotBytesUsed);
        arena.Free(small);
        Assert.Equal(0, arena.SlotBytesUsed);
    }

    [Fact]
    public void Store_NeighbouringDocuments_DoNotOverwriteEachOther()
    {
        var arena = new StateArena();
        var documents = Enumerable.Range(0, 2_000).Select(i => new string((char)('a' + (i % 26)), i % 300)).ToList();

        var slots = documents.Select(arena.Store).ToList();

        Assert.Equal(documents, slots.Select(arena.Read));
        Assert.True(arena.SegmentBytesHeld > StateArena.SegmentBytes); // the documents span segments
    }

    [Fact]
    public void Free_ThenStore_ReusesTheSlotInsteadOfGrowing()
    {
        var arena = new StateArena();
        var slots = Enumerable.Range(0, 1_000).Select(i => arena.Store(new string('s', 600 + (i % 50)))).ToList();
        var held = arena.SegmentBytesHeld;
        var used = arena.SlotBytesUsed;

        for (var round = 0; round < 20; round++)
        {
            for (var i = 0; i < slots.Count; i++)
            {
                arena.Free(slots[i]);
                slots[i] = arena.Store(new string('t', 600 + ((i + round) % 50)));
            }
        }

        Assert.Equal(held, arena.SegmentBytesHeld);
        Assert.Equal(used, arena.SlotBytesUsed);
        Assert.All(slots, slot => Assert.Equal(new string('t', slot.Length), arena.Read(slot)));
    }

    [Fact]
    public void Copy_IntoAnotherArena_KeepsTheDocument()
    {
        var from = new StateArena();
        var slot = from.Store("{\"turns\":3}");
        var to = new StateArena();

        var copy = to.Copy(from, slot);
        from.Free(slot);
        from.Store("{\"turns\":4}"); // takes the freed slot

        Assert.Equal("{\"turns\":3}", to.Read(copy));
    }
}
