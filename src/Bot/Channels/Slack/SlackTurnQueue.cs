using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// The bounded queue between the Slack routes, which must answer within 3 seconds, and
/// <see cref="SlackTurnWorker"/>, which answers the questions. Full means the event is dropped
/// (the caller logs it); after <see cref="Complete"/> nothing more is accepted.
/// </summary>
internal sealed class SlackTurnQueue(IOptions<SlackOptions> options)
{
    private readonly Channel<SlackWorkItem> _items = Channel.CreateBounded<SlackWorkItem>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse rather than drop something already queued
        SingleReader = false,
        SingleWriter = false,
    });

    private volatile bool _closed;

    public ChannelReader<SlackWorkItem> Reader => _items.Reader;

    /// <summary>True once <see cref="Complete"/> was called (the host is stopping).</summary>
    public bool Closed => _closed;

    public bool TryEnqueue(SlackWorkItem item) => _items.Writer.TryWrite(item);

    /// <summary>Accepts no more items; readers finish what is queued.</summary>
    public void Complete()
    {
        _closed = true;
        _items.Writer.TryComplete();
    }
}
