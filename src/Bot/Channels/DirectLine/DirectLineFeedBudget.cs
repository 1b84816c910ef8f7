namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>
/// The bytes all Direct Line feeds hold together (each activity counted as its JSON), against
/// <see cref="DirectLineOptions.MaxFeedBytes"/>, or the bytes one client address's feeds hold,
/// against <see cref="DirectLineOptions.MaxFeedBytesPerAddress"/>. Conversations take from it when
/// they add an activity and give back what they drop or forget.
/// </summary>
internal sealed class DirectLineFeedBudget(long limit)
{
    private long _used;

    public long Limit => limit;

    /// <summary>Bytes the feeds account for now.</summary>
    public long Used => Interlocked.Read(ref _used);

    /// <summary>
    /// Gives back <paramref name="release"/> bytes and takes <paramref name="take"/> in one step,
    /// unless the total would then exceed the limit; then nothing changes.
    /// </summary>
    public bool TryExchange(long release, long take)
    {
        while (true)
        {
            var used = Interlocked.Read(ref _used);
            var next = used - release + take;
            if (take > 0 && next > limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, next, used) == used)
            {
                return true;
            }
        }
    }

    public void Release(long bytes) => Interlocked.Add(ref _used, -bytes);

    /// <summary>Undoes a <see cref="TryExchange"/> that succeeded, whatever others took since.</summary>
    public void Revert(long release, long take) => Interlocked.Add(ref _used, release - take);
}
