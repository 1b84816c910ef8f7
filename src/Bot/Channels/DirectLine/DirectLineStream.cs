using System.Globalization;
using System.Net.WebSockets;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>
/// Sends a conversation's feed over a WebSocket: whatever is past the watermark, then each
/// new part as it arrives, as ActivitySet frames. What the client sends (empty keep-alive
/// frames) is read and dropped; its close ends the stream.
/// </summary>
internal sealed class DirectLineStream(WebSocket socket, DirectLineConversation conversation, TimeProvider time)
{
    public async Task RunAsync(long watermark, CancellationToken cancellationToken)
    {
        var closed = DrainAsync(cancellationToken);
        try
        {
            await SendFeedAsync(watermark, closed, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A newer stream took over, the client aborted, or the bot is stopping: close below.
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            var reason = conversation.Ended ? "ended" : cancellationToken.IsCancellationRequested ? "collision" : null;
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token).ConfigureAwait(false);
        }
    }

    private async Task SendFeedAsync(long watermark, Task closed, CancellationToken cancellationToken)
    {
        while (socket.State == WebSocketState.Open && !conversation.Ended)
        {
            var changed = conversation.Changed;
            var (activities, next) = conversation.Since(watermark);
            if (activities.Count > 0)
            {
                var frame = ActivitySetReply.Frame(activities, next.ToString(CultureInfo.InvariantCulture));
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                watermark = next;
                conversation.Touch(time.GetUtcNow());
                continue;
            }

            if (await Task.WhenAny(changed, closed).WaitAsync(cancellationToken).ConfigureAwait(false) == closed)
            {
                return;
            }
        }
    }

    /// <summary>Reads and discards client frames until the client closes.</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }
}
