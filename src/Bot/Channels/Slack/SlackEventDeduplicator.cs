using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// Remembers Slack event ids for a while, so an event Slack delivers again (its retries,
/// marked <c>X-Slack-Retry-Num</c>) is answered once. Bounded: past the capacity the oldest
/// ids are forgotten first; ids older than the window are forgotten too.
/// </summary>
internal sealed class SlackEventDeduplicator(IOptions<SlackOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True the first time an id is seen within the window; false for a repeat.</summary>
    public bool FirstTime(string eventId)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_order.TryPeek(out var oldest) && now - oldest.At >= settings.DedupeWindow)
            {
                Forget();
            }

            if (_seen.ContainsKey(eventId))
            {
                return false;
            }

            while (_order.Count >= settings.DedupeCapacity)
            {
                Forget();
            }

            _seen.Add(eventId, now);
            _order.Enqueue((eventId, now));
            return true;
        }
    }

    private void Forget() => _seen.Remove(_order.Dequeue().Id);
}
