using CareerBot.Bot.Telemetry;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// One incoming activity being handled: who it is from, which conversation, and how to
/// address a reply to it. Replies swap from and recipient, keep the conversation and
/// channel, and point back at the activity they answer.
/// </summary>
public sealed record Turn(Activity Activity, IReplySink Sink)
{
    public string ChannelId => Activity.ChannelId ?? string.Empty;

    /// <summary>The channel id as logs, metrics and records keep it: a known channel, or "other".</summary>
    public string Channel => BotTelemetry.Channel(Activity.ChannelId);

    public string ConversationId => Activity.Conversation?.Id ?? string.Empty;

    public Activity Address(Activity body)
    {
        ArgumentNullException.ThrowIfNull(body);

        // Web Chat and Direct Line give conversationUpdate ids that are no message to reply to.
        var replyTo = Activity.Type == ActivityTypes.ConversationUpdate && ChannelId is "directline" or "webchat" ? null : Activity.Id;
        return body with
        {
            Type = body.Type ?? ActivityTypes.Message,
            ChannelId = Activity.ChannelId,
            Conversation = Activity.Conversation,
            From = Activity.Recipient,
            Recipient = Activity.From,
            ReplyToId = replyTo,
            Locale = body.Locale ?? Activity.Locale,
        };
    }

    /// <summary>
    /// Sends a reply through the sink, in a "reply" span when anything listens (a failed
    /// delivery marks it as an error); otherwise straight through, with no extra allocation.
    /// </summary>
    public Task<string?> ReplyAsync(Activity body, CancellationToken cancellationToken)
    {
        var reply = Address(body);
        return BotTelemetry.Source.HasListeners() ? TracedReplyAsync(reply, cancellationToken) : Sink.SendAsync(reply, cancellationToken);
    }

    private async Task<string?> TracedReplyAsync(Activity reply, CancellationToken cancellationToken)
    {
        using var span = BotTelemetry.Source.StartActivity(BotTelemetry.ReplySpan);
        span?.SetTag(BotTelemetry.ActivityTypeTag, BotTelemetry.ActivityType(reply.Type));
        try
        {
            return await Sink.SendAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (BotTelemetry.Failed(span, ex))
        {
            throw; // not reached: the filter only marks the span
        }
    }
}
