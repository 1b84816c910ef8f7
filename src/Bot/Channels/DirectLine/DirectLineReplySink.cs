using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>
/// The bot's replies on the embedded channel: added to the conversation's feed. A reply the feed
/// refuses (the conversation ended, or all feeds hold the channel's byte bound) is dropped with a
/// log line.
/// </summary>
internal sealed partial class DirectLineReplySink(DirectLineConversation conversation, TimeProvider time, ILogger logger) : IReplySink
{
    public Task<string?> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        // Trace activities are for the Emulator's inspector only.
        if (reply.Type == ActivityTypes.Trace)
        {
            return Task.FromResult<string?>(null);
        }

        var stored = conversation.TryAppend(reply, time.GetUtcNow(), out var refusal);
        if (stored is null)
        {
            Log.ReplyDropped(logger, refusal);
        }

        return Task.FromResult(stored?.Id);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2504, Level = LogLevel.Warning, Message = "A Direct Line reply was dropped: the feed refused it ({Refusal})")]
        public static partial void ReplyDropped(ILogger logger, DirectLineFeedRefusal refusal);
    }
}
