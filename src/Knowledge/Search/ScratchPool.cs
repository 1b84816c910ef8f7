namespace CareerBot.Knowledge.Search;

/// <summary>
/// A few <see cref="SearchScratch"/>es to rent and return without locks or allocation: as many
/// slots as twice the processors; a search finding every slot empty makes a new one, and one
/// returned to a full pool is dropped.
/// </summary>
internal sealed class ScratchPool(Func<SearchScratch> create)
{
    private readonly SearchScratch?[] _slots = new SearchScratch?[Math.Max(2, Environment.ProcessorCount * 2)];

    public SearchScratch Rent()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.Exchange(ref _slots[i], null) is { } scratch)
            {
                return scratch;
            }
        }

        return create();
    }

    public void Return(SearchScratch scratch)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _slots[i], scratch, null) is null)
            {
                return;
            }
        }
    }
}
