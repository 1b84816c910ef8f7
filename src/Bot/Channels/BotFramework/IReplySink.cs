
namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// Where a turn's replies go: the Connector API of the activity's channel, or a buffer that
/// becomes the HTTP response body for <c>deliveryMode: expectReplies</c>.
/// </summary>
public interface IReplySink
{
    /// <summary>Delivers one addressed reply; returns the id the channel gave it, when it gives one.</summary>
    Task<string?> SendAsync(Activity reply, CancellationToken cancellationToken);
}

/// <summary>Collects replies for the HTTP response (<c>expectReplies</c>) or for tests.</summary>
public sealed class BufferedReplySink : IReplySink
{
    private readonly List<Activity> _replies = [];

    public IReadOnlyList<Activity> Replies => _replies;

    public Task<string?> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        lock (_replies)
        {
            _replies.Add(reply);
        }

        return Task.FromResult<string?>(null);
    }
}
