using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using CareerBot.Bot.Protocol;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>The bot's replies on Slack: <c>chat.postMessage</c> into the thread the question came from.</summary>
internal sealed class SlackReplySink(SlackApiClient api, string channel, string threadTs, string eventId) : IReplySink
{
    public Task<string?> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);

        // Traces are for the Emulator's inspector; typing has no Web API counterpart for bots.
        if (reply.Type != ActivityTypes.Message || SlackMessage.From(reply, channel, threadTs) is not { } message)
        {
            return Task.FromResult<string?>(null);
        }

        return api.PostMessageAsync(message, eventId, cancellationToken);
    }
}
