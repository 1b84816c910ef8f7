using System.Diagnostics;
using CareerBot.Knowledge;

namespace CareerBot.Bot.Telemetry;

/// <summary>
/// The bot's span and tag names on the shared <see cref="KnowledgeTelemetry.Source"/>, and the
/// small helpers that keep tag values bounded: channel ids and activity types come from the
/// request, so anything unknown is tagged "other" rather than copied.
/// </summary>
internal static class BotTelemetry
{
    public const string TurnSpan = "turn";
    public const string RenderSpan = "render";
    public const string ReplySpan = "reply";

    public const string ChannelTag = "channel";
    public const string ActivityTypeTag = "activity_type";
    public const string AnsweredTag = "answered";
    public const string KindTag = "kind";

    public const string Other = "other";

    /// <summary>Bot Framework channel ids, and the embedded ones; read-only.</summary>
    private static readonly HashSet<string> KnownChannels = new(StringComparer.Ordinal)
    {
        "msteams", "webchat", "directline", "emulator", "slack", "test", "facebook", "telegram",
        "email", "sms", "line", "kik", "groupme", "skype", "skypeforbusiness", "alexa", "omnichannel",
        "outlook", "m365extensions", "twilio-sms", "cortana",
    };

    private static readonly HashSet<string> KnownActivityTypes = new(StringComparer.Ordinal)
    {
        "message", "conversationUpdate", "invoke", "messageReaction", "typing", "endOfConversation", "trace", "event",
        "installationUpdate", "contactRelationUpdate", "deleteUserData", "messageUpdate", "messageDelete", "handoff",
    };

    public static ActivitySource Source => KnowledgeTelemetry.Source;

    /// <summary>The channel id as a tag value: a known channel, or "other".</summary>
    public static string Channel(string? channelId) =>
        channelId is not null && KnownChannels.Contains(channelId) ? channelId : Other;

    /// <summary>The activity type as a tag value: a known type, or "other".</summary>
    public static string ActivityType(string? type) =>
        type is not null && KnownActivityTypes.Contains(type) ? type : Other;

    /// <summary>
    /// For an exception filter: marks the span failed with the exception's type (never its
    /// message, which may quote input) and returns false, so the exception goes on unchanged.
    /// </summary>
    public static bool Failed(Activity? span, Exception exception)
    {
        span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        return false;
    }

    /// <summary>Marks the reply span in progress, if there is one, as failed: the sinks drop failed replies rather than throw.</summary>
    public static void ReplyFailed(string reason)
    {
        if (Activity.Current is { } span && span.Source == Source && span.OperationName == ReplySpan)
        {
            span.SetStatus(ActivityStatusCode.Error, reason);
        }
    }
}
