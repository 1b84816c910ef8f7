using CareerBot.Bot.Conversation;
using CareerBot.Bot.Protocol;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>The bot's replies on the embedded channel: added to the conversation's feed.</summary>
internal sealed class DirectLineReplySink(DirectLineConversation conversation, TimeProvider time) : IReplySink
{
    public Task<string?> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        // Trace activities are for the Emulator's inspector only.
        if (reply.Type == ActivityTypes.Trace)
        {
            return Task.FromResult<string?>(null);
        }

        return Task.FromResult(conversation.Append(reply, time.GetUtcNow()).Id);
    }
}
