using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// Slack without Azure: the Events API at <c>POST /api/slack</c> and Block Kit button clicks at
/// <c>POST /api/slack/interactions</c>. Every request is checked on its raw body (size 413,
/// signature and timestamp 401) before it is read; questions are queued and acknowledged at
/// once (Slack wants an answer within 3 seconds), and <see cref="SlackTurnWorker"/> answers them
/// in the thread they were asked in. Off (404) while no signing secret is set.
/// </summary>
internal static partial class SlackEndpoints
{
    public const string EventsRoute = "/api/slack";
    public const string InteractionsRoute = "/api/slack/interactions";
    public const string ChannelId = "slack";
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    public static void MapSlack(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SlackOptions>>().Value.Enabled)
        {
            Log.Enabled(app.Logger, EventsRoute, InteractionsRoute);
        }

        app.MapPost(EventsRoute, Handler.With<SlackServices, IResult>(PostEventAsync));
        app.MapPost(InteractionsRoute, Handler.With<SlackServices, IResult>(PostInteractionAsync));
    }

    /// <summary>
    /// An Events API request: <c>url_verification</c> echoes the challenge; an <c>event_callback</c>
    /// with a question (a direct message or a mention) is queued once per event id. Always 200
    /// once the signature holds, so Slack does not retry what was deliberately ignored.
    /// </summary>
    public static async Task<IResult> PostEventAsync(HttpContext http, SlackServices services)
    {
        var (body, failure) = await ReadVerifiedAsync(http, services, EventsRoute).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        SlackEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, SlackJsonContext.Default.SlackEnvelope);
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", ex.Message);
        }

        switch (envelope?.Type)
        {
            case "url_verification" when !string.IsNullOrEmpty(envelope.Challenge):
                return TypedResults.Text(envelope.Challenge, "text/plain", Encoding.UTF8);
            case "url_verification":
                return Problem(StatusCodes.Status400BadRequest, "No challenge", "url_verification needs a 'challenge'.");
            case "event_callback":
                Accept(envelope, http.Request.Headers[RetryNumHeader].ToString(), services);
                return TypedResults.Ok();
            default:
                Log.Ignored(services.Logger, envelope?.EventId ?? "(none)", $"envelope type '{envelope?.Type}'");
                return TypedResults.Ok();
        }
    }

    /// <summary>
    /// An Interactivity request (form field <c>payload</c>): a click on one of the suggested-question
    /// buttons asks that question in the thread the buttons are in. Anything else is acknowledged.
    /// </summary>
    public static async Task<IResult> PostInteractionAsync(HttpContext http, SlackServices services)
    {
        var (body, failure) = await ReadVerifiedAsync(http, services, InteractionsRoute).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payload) || payload.Count != 1 || string.IsNullOrEmpty(payload[0]))
        {
            return Problem(StatusCodes.Status400BadRequest, "No payload", "Interactivity requests carry a form field 'payload'.");
        }

        SlackInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(payload[0]!, SlackJsonContext.Default.SlackInteraction);
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed JSON", ex.Message);
        }

        var (item, reason) = Click(interaction);
        if (item is null)
        {
            Log.Ignored(services.Logger, "(interaction)", reason);
        }
        else if (!services.Dedupe.FirstTime(InteractionKey(interaction!, item)))
        {
            // A payload sent again (a replay inside the signature's window) is acknowledged, not answered again.
            Log.DuplicateInteraction(services.Logger, item.EventId);
        }
        else if (!services.Queue.TryEnqueue(item))
        {
            Log.QueueFull(services.Logger, item.EventId);
        }

        return TypedResults.Ok();
    }

    /// <summary>Queues the event's question, unless the event was seen before or is not one for the bot.</summary>
    private static void Accept(SlackEnvelope envelope, string retryNum, SlackServices services)
    {
        var eventId = envelope.EventId;
        if (string.IsNullOrEmpty(eventId))
        {
            Log.Ignored(services.Logger, "(none)", "no event_id");
            return;
        }

        if (!services.Dedupe.FirstTime(eventId))
        {
            Log.Duplicate(services.Logger, eventId, retryNum.Length > 0 ? retryNum : "0");
            return;
        }

        var (item, reason) = Question(envelope, eventId);
        if (item is null)
        {
            Log.Ignored(services.Logger, eventId, reason);
        }
        else if (!services.Queue.TryEnqueue(item))
        {
            Log.QueueFull(services.Logger, eventId);
        }
    }

    /// <summary>
    /// The question in a <c>message</c> (direct messages only) or <c>app_mention</c> event, or why
    /// there is none: edits, bot posts and the bot's own messages are never answered.
    /// </summary>
    internal static (SlackWorkItem? Item, string Reason) Question(SlackEnvelope envelope, string eventId)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var ev = envelope.Event;
        switch (ev?.Type)
        {
            case null:
                return (null, "no event");
            case "message" when ev.ChannelType != "im":
                return (null, $"message in a '{ev.ChannelType}' channel (only direct messages and mentions are answered)");
            case "message" or "app_mention":
                break;
            default:
                return (null, $"event type '{ev.Type}'");
        }

        if (!string.IsNullOrEmpty(ev.BotId))
        {
            return (null, "posted by a bot");
        }

        if (!string.IsNullOrEmpty(ev.Subtype))
        {
            return (null, $"message subtype '{ev.Subtype}'");
        }

        if (string.IsNullOrEmpty(ev.User) || string.IsNullOrEmpty(ev.Channel) || string.IsNullOrEmpty(ev.Ts))
        {
            return (null, "no user, channel or ts");
        }

        var text = ev.Text ?? string.Empty;
        var mention = LeadingMention().Match(text);
        var mentioned = mention.Success ? mention.Groups["id"].Value : null;
        var botId = envelope.Authorizations?.FirstOrDefault()?.UserId is { Length: > 0 } authorized
            ? authorized
            : ev.Type == "app_mention" ? mentioned : null;
        if (ev.User == botId)
        {
            return (null, "the bot's own message");
        }

        if (mentioned is not null && mentioned == botId)
        {
            text = text[mention.Length..];
        }

        var threadTs = ev.ThreadTs ?? ev.Ts;
        var conversationId = ConversationId(envelope.TeamId ?? ev.Team, ev.Channel, threadTs);
        return (new SlackWorkItem(eventId, ev.Ts, ev.User, SlackEmoji.Decode(Unescape(text)).Trim(), conversationId, ev.Channel, threadTs), string.Empty);
    }

    /// <summary>A click on a suggested-question button, as a question in the buttons' thread.</summary>
    internal static (SlackWorkItem? Item, string Reason) Click(SlackInteraction? interaction)
    {
        if (interaction?.Type != "block_actions")
        {
            return (null, $"interaction type '{interaction?.Type}'");
        }

        var action = interaction.Actions?.FirstOrDefault(a =>
            a is not null
            && a.BlockId == SlackMessage.SuggestionsBlockId
            && a.ActionId?.StartsWith(SlackMessage.SuggestionActionPrefix, StringComparison.Ordinal) == true
            && !string.IsNullOrWhiteSpace(a.Value));
        if (action is null)
        {
            return (null, "not a suggested-question button");
        }

        var channel = interaction.Channel?.Id ?? interaction.Container?.ChannelId;
        var user = interaction.User?.Id;
        var threadTs = interaction.Container?.ThreadTs ?? interaction.Message?.ThreadTs ?? interaction.Container?.MessageTs ?? interaction.Message?.Ts;
        if (string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(threadTs))
        {
            return (null, "no user, channel or message");
        }

        var clickId = $"click {interaction.Container?.MessageTs ?? interaction.Message?.Ts}/{action.ActionId}";
        var conversationId = ConversationId(interaction.Team?.Id ?? interaction.User?.TeamId, channel, threadTs);
        return (new SlackWorkItem(clickId, action.ActionTs ?? clickId, user, action.Value!.Trim(), conversationId, channel, threadTs), string.Empty);
    }

    /// <summary>
    /// What makes a click one click: Slack's trigger id with the clicked button and the time Slack
    /// stamped on the action. Kept beside event ids in the same bounded, expiring de-duplicator.
    /// </summary>
    private static string InteractionKey(SlackInteraction interaction, SlackWorkItem item) =>
        $"interaction {interaction.TriggerId} {item.EventId} {item.Id}";

    /// <summary>One conversation per thread: "{team}:{channel}:{thread ts}".</summary>
    public static string ConversationId(string? team, string channel, string threadTs) => $"{team}:{channel}:{threadTs}";

    /// <summary>Slack escapes only these three in message text.</summary>
    private static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>
    /// The body, once it is within the size limit and signed with the signing secret at a time
    /// inside the replay window; otherwise the response to give (404 while the adapter is off).
    /// </summary>
    private static async Task<(byte[] Body, IResult? Failure)> ReadVerifiedAsync(HttpContext http, SlackServices services, string route)
    {
        var options = services.Options.Value;
        if (!options.Enabled)
        {
            return ([], TypedResults.NotFound());
        }

        var request = http.Request;
        var limit = options.MaxBodyBytes;
        var body = request.ContentLength > limit ? null : await RequestBody.ReadBoundedAsync(request.Body, limit, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return ([], Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The limit is {limit} bytes."));
        }

        var check = SlackSignature.Verify(
            options.SigningSecret!,
            Single(request.Headers[SlackSignature.TimestampHeader]),
            Single(request.Headers[SlackSignature.SignatureHeader]),
            body,
            services.Time.GetUtcNow(),
            options.ReplayWindow);
        if (check != SignatureCheck.Valid)
        {
            Log.Rejected(services.Logger, route, check);
            return ([], TypedResults.Unauthorized());
        }

        return (body, null);

        static string? Single(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 1 ? values[0] : null;
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>"&lt;@U123&gt;" or "&lt;@U123|name&gt;" at the start of the text, with the space after it.</summary>
    [GeneratedRegex(@"^\s*<@(?<id>[A-Z0-9]+)(?:\|[^>]*)?>\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMention();

    private static partial class Log
    {
        [LoggerMessage(EventId = 2600, Level = LogLevel.Warning, Message = "Rejected a request to {Route}: signature check {Result}")]
        public static partial void Rejected(ILogger logger, string route, SignatureCheck result);

        [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "Slack queue is full: event {EventId} was acknowledged but will not be answered")]
        public static partial void QueueFull(ILogger logger, string eventId);

        [LoggerMessage(EventId = 2602, Level = LogLevel.Information, Message = "Slack event {EventId} was already handled (retry {RetryNum}); acknowledged only")]
        public static partial void Duplicate(ILogger logger, string eventId, string retryNum);

        [LoggerMessage(EventId = 2605, Level = LogLevel.Information, Message = "Slack interaction {ClickId} was already handled; acknowledged only")]
        public static partial void DuplicateInteraction(ILogger logger, string clickId);

        [LoggerMessage(EventId = 2603, Level = LogLevel.Debug, Message = "Slack event {EventId} ignored: {Reason}")]
        public static partial void Ignored(ILogger logger, string eventId, string reason);

        [LoggerMessage(EventId = 2604, Level = LogLevel.Information, Message = "Slack Events API adapter on: events at {EventsRoute}, interactions at {InteractionsRoute}")]
        public static partial void Enabled(ILogger logger, string eventsRoute, string interactionsRoute);
    }
}

/// <summary>What the Slack routes need, injected per request.</summary>
internal sealed record SlackServices(
    IOptions<SlackOptions> Options,
    SlackTurnQueue Queue,
    SlackEventDeduplicator Dedupe,
    TimeProvider Time,
    ILogger<SlackServices> Logger);
