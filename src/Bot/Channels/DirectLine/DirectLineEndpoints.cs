using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using CareerBot.Bot.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>
/// The embedded Direct Line 3.0 channel under <c>/v3/directline</c>: the subset
/// botframework-directlinejs uses. Activities from clients are echoed into the
/// conversation's feed (Web Chat waits for that echo) and run through the same turn
/// pipeline as <c>/api/messages</c>; the bot's replies land in the same feed, which clients
/// read by polling or over a WebSocket.
/// </summary>
internal static partial class DirectLineEndpoints
{
    public const string CorsPolicy = "DirectLine";
    public const string RoutePrefix = "/v3/directline";

    /// <summary>The bot as Direct Line clients see it.</summary>
    public static readonly ChannelAccount Bot = new() { Id = "careerbot", Name = "CareerBot", Role = "bot" };

    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(RoutePrefix).RequireCors(CorsPolicy);
        group.MapPost("/tokens/generate", Handler.With<DirectLineServices, IResult>(GenerateTokenAsync));
        group.MapPost("/tokens/refresh", Handler.With<DirectLineServices, IResult>(RefreshTokenAsync));
        group.MapPost("/conversations", Handler.With<DirectLineServices, IResult>(StartConversationAsync));
        group.MapGet("/conversations/{conversationId}", Handler.With<DirectLineServices, IResult>(
            static (http, services) => ReconnectAsync(http, Handler.Route(http, "conversationId"), Handler.Query(http, "watermark"), services)));
        group.MapPost("/conversations/{conversationId}/activities", Handler.With<DirectLineServices, IResult>(
            static (http, services) => PostActivityAsync(http, Handler.Route(http, "conversationId"), services)));
        group.MapGet("/conversations/{conversationId}/activities", Handler.With<DirectLineServices, IResult>(
            static (http, services) => GetActivitiesAsync(http, Handler.Route(http, "conversationId"), Handler.Query(http, "watermark"), services)));
        group.MapGet("/conversations/{conversationId}/stream", static http => StreamAsync(
            http, Handler.Route(http, "conversationId"), Handler.Query(http, "t"), Handler.Query(http, "watermark"), http.RequestServices.GetRequiredService<DirectLineServices>()));
        return group;
    }

    /// <summary><c>POST /tokens/generate</c> (secret): a new conversation and a token bound to it.</summary>
    public static async Task<IResult> GenerateTokenAsync(
        HttpContext http, DirectLineServices services)
    {
        if (!services.Tokens.IsSecret(DirectLineTokens.Bearer(http.Request.Headers.Authorization)))
        {
            return TypedResults.Unauthorized();
        }

        var start = await ReadStartAsync(http).ConfigureAwait(false);
        if (start.Problem is { } problem)
        {
            return problem;
        }

        var conversation = services.Conversations.Create("directline", UserFrom(start.Request));
        if (conversation is null)
        {
            return Full();
        }

        return TypedResults.Ok(Info(http, services, conversation, stream: false));
    }

    /// <summary><c>POST /tokens/refresh</c> (token): the same grant with a later expiry, while the token is still valid.</summary>
    public static async Task<IResult> RefreshTokenAsync(
        HttpContext http, DirectLineServices services)
    {
        var token = await services.Tokens.ReadAsync(DirectLineTokens.Bearer(http.Request.Headers.Authorization)).ConfigureAwait(false);
        if (token is null)
        {
            return TypedResults.Unauthorized();
        }

        if (token.Expired)
        {
            return Forbidden();
        }

        if (services.Conversations.Find(token.ConversationId) is not { } conversation)
        {
            return TypedResults.NotFound();
        }

        conversation.Touch(services.Time.GetUtcNow());
        return TypedResults.Ok(Info(http, services, conversation, stream: false));
    }

    /// <summary>
    /// <c>POST /conversations</c>: with a token, starts the conversation it is bound to (201 the
    /// first time, 200 after); with the secret, makes a new one. Starting tells the bot who
    /// joined, so it can welcome the user.
    /// </summary>
    public static async Task<IResult> StartConversationAsync(
        HttpContext http, DirectLineServices services)
    {
        var bearer = DirectLineTokens.Bearer(http.Request.Headers.Authorization);
        DirectLineConversation? conversation;
        if (services.Tokens.IsSecret(bearer))
        {
            var start = await ReadStartAsync(http).ConfigureAwait(false);
            if (start.Problem is { } problem)
            {
                return problem;
            }

            conversation = services.Conversations.Create("directline", UserFrom(start.Request));
            if (conversation is null)
            {
                return Full();
            }
        }
        else
        {
            var token = await services.Tokens.ReadAsync(bearer).ConfigureAwait(false);
            if (token is null)
            {
                return TypedResults.Unauthorized();
            }

            if (token.Expired)
            {
                return Forbidden();
            }

            conversation = services.Conversations.Find(token.ConversationId);
            if (conversation is null)
            {
                return TypedResults.NotFound();
            }
        }

        var info = Info(http, services, conversation, stream: true);
        if (conversation.Started)
        {
            return TypedResults.Ok(info); // a reconnect runs no turn, so it needs no turn slot
        }

        using var slot = services.Slots.TryTake();
        if (slot is null)
        {
            return TurnSlots.Busy(http);
        }

        if (!conversation.Start())
        {
            return TypedResults.Ok(info);
        }

        await RunTurnAsync(services, conversation, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [conversation.User, Bot],
        }).ConfigureAwait(false);
        return TypedResults.Created((string?)null, info);
    }

    /// <summary><c>GET /conversations/{id}?watermark=</c>: reconnect, giving a fresh stream URL.</summary>
    public static async Task<IResult> ReconnectAsync(
        HttpContext http, string conversationId, string? watermark, DirectLineServices services)
    {
        var access = await AuthorizeAsync(http, conversationId, services).ConfigureAwait(false);
        if (access.Failure is { } failure)
        {
            return failure.Result;
        }

        var conversation = access.Conversation!;
        var token = access.Token ?? services.Tokens.Issue(conversation.Id, conversation.User.Id!);
        return TypedResults.Ok(new DirectLineConversationInfo(conversation.Id, token, ExpiresIn(services), StreamUrl(http, conversation.Id, token, Watermark(watermark))));
    }

    /// <summary><c>POST /conversations/{id}/activities</c>: one activity from the client; 200 <c>{id}</c>.</summary>
    public static async Task<IResult> PostActivityAsync(HttpContext http, string conversationId, DirectLineServices services)
    {
        var access = await AuthorizeAsync(http, conversationId, services).ConfigureAwait(false);
        if (access.Failure is { } failure)
        {
            return failure.Result;
        }

        var (activity, problem) = await ActivityRequest.ReadAsync(http.Request, services.Reader, services.BotOptions.Value, static _ => null, http.RequestAborted, services.Options.Value.MaxActivityBytes).ConfigureAwait(false);
        if (activity is null)
        {
            return problem!;
        }

        var conversation = access.Conversation!;

        // Throttled per token before anything reaches the feed: a refused post is neither echoed nor answered.
        // Typing is never kept in the feed and costs no turn of note, so it is not counted.
        if (activity.Type != ActivityTypes.Typing && Throttled(services, conversation) is { } throttled)
        {
            return throttled;
        }

        using var slot = services.Slots.TryTake();
        if (slot is null)
        {
            return TurnSlots.Busy(http);
        }

        if (!conversation.Started && conversation.Start())
        {
            // A client that skipped POST /conversations still gets its welcome first.
            await RunTurnAsync(services, conversation, new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [conversation.User, Bot] }).ConfigureAwait(false);
        }

        var (id, refusal) = await RunTurnAsync(services, conversation, activity with
        {
            // The user is who the token says, whatever the body claims (name included); the rest is the channel's to set.
            From = new ChannelAccount { Id = conversation.User.Id, Name = conversation.User.Name, Role = "user" },
        }).ConfigureAwait(false);
        return refusal switch
        {
            DirectLineFeedRefusal.None => TypedResults.Ok(new ResourceResponse(id)),
            DirectLineFeedRefusal.TooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large for the feed", $"A conversation's feed holds at most {services.Options.Value.MaxFeedBytesPerConversation} bytes."),
            DirectLineFeedRefusal.Ended => TypedResults.NotFound(),
            DirectLineFeedRefusal.AddressFull => AddressFull(http),
            _ => Busy(http, "The channel's feeds are full; try again later."),
        };
    }

    /// <summary>The 429 for a post over the token's rate, or null; the first refusal also says so in the feed.</summary>
    private static IResult? Throttled(DirectLineServices services, DirectLineConversation conversation)
    {
        var options = services.Options.Value;
        var now = services.Time.GetUtcNow();
        var verdict = conversation.AdmitPost(now, options.PostsPerMinute, options.PostBurst);
        if (verdict == ThrottleVerdict.Allowed)
        {
            return null;
        }

        Log.PostThrottled(services.Logger, verdict == ThrottleVerdict.Warn);
        if (verdict == ThrottleVerdict.Warn)
        {
            conversation.TryAppend(
                new Activity { Type = ActivityTypes.Message, ChannelId = conversation.ChannelId, Conversation = new ConversationAccount { Id = conversation.Id }, From = Bot, Recipient = conversation.User, Text = TurnCore.SlowDown },
                now,
                out _);
        }

        var retryAfter = Math.Max(1, (int)Math.Ceiling(60.0 / options.PostsPerMinute));
        return new ThrottledResult(retryAfter);
    }

    /// <summary>429 Too Many Requests with Retry-After, as directlinejs expects (it waits, then reports the send as failed).</summary>
    private sealed class ThrottledResult(int retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status429TooManyRequests, "Too many activities", "This conversation posts faster than the channel allows; wait, then send again.").ExecuteAsync(httpContext);
        }
    }

    /// <summary>The 429 for a post past the bytes one client address's feeds may hold (<see cref="DirectLineOptions.MaxFeedBytesPerAddress"/>).</summary>
    private static IResult AddressFull(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "60";
        return Problem(StatusCodes.Status429TooManyRequests, "Feeds full for this address", "This address's conversations hold as many bytes as one address may; try again later.");
    }

    private static IResult Busy(HttpContext http, string detail)
    {
        http.Response.Headers.RetryAfter = "60";
        return Problem(StatusCodes.Status503ServiceUnavailable, "Feeds full", detail);
    }

    /// <summary>
    /// <c>GET /conversations/{id}/activities?watermark=</c>: the feed after the watermark (an
    /// empty watermark means from the start). Idle polls get 200 with no activities.
    /// </summary>
    public static async Task<IResult> GetActivitiesAsync(HttpContext http, string conversationId, string? watermark, DirectLineServices services)
    {
        var access = await AuthorizeAsync(http, conversationId, services).ConfigureAwait(false);
        if (access.Failure is { } failure)
        {
            return failure.Result;
        }

        try
        {
            var (activities, next) = access.Conversation!.Since(Watermark(watermark));
            return new ActivitySetReply(activities, next.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any error but 403/404 stops directlinejs polling for good: report "nothing new" instead.
            Log.PollFailed(services.Logger, ex);
            return new ActivitySetReply([], watermark ?? string.Empty);
        }
    }

    /// <summary>
    /// <c>GET /conversations/{id}/stream?t=token&amp;watermark=</c>: a WebSocket that sends each new
    /// part of the feed as an ActivitySet. One stream per conversation: a new one closes the old.
    /// </summary>
    public static async Task StreamAsync(HttpContext http, string conversationId, string? t, string? watermark, DirectLineServices services)
    {
        var access = await AuthorizeAsync(http, conversationId, services, t).ConfigureAwait(false);
        if (access.Failure is { } failure)
        {
            await failure.Result.ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            await Problem(StatusCodes.Status400BadRequest, "WebSocket expected", "Open the stream URL as a WebSocket.").ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        var conversation = access.Conversation!;
        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, services.Lifetime.ApplicationStopping, conversation.OpenStream());
        try
        {
            await new DirectLineStream(socket, conversation, services.Time).RunAsync(Watermark(watermark), stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away, a newer stream took over, or the bot is stopping.
        }
    }

    /// <summary>
    /// Runs one activity through the turn pipeline; replies go into the feed. Returns the activity's
    /// feed id, or why the feed refused it (then no turn runs).
    /// </summary>
    private static async Task<(string? Id, DirectLineFeedRefusal Refusal)> RunTurnAsync(DirectLineServices services, DirectLineConversation conversation, Activity activity)
    {
        var now = services.Time.GetUtcNow();
        var incoming = activity with
        {
            ChannelId = conversation.ChannelId,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = activity.From ?? conversation.User,
            Recipient = Bot,
            ServiceUrl = null,
            DeliveryMode = null,
        };

        // The client's own messages come back through the feed (Web Chat waits for that echo);
        // typing is not kept, and conversationUpdate never reaches clients.
        string? id = null;
        if (incoming.Type is not (ActivityTypes.Typing or ActivityTypes.ConversationUpdate))
        {
            var stored = conversation.TryAppend(incoming, now, out var refusal);
            if (stored is null && refusal is DirectLineFeedRefusal.AddressFull or DirectLineFeedRefusal.ChannelFull)
            {
                // Idle conversations keep their bytes until they are swept: forget them first, so a
                // client whose old conversations expired is not refused for bytes nobody holds.
                services.Conversations.Sweep();
                stored = conversation.TryAppend(incoming, now, out refusal);
            }

            if (stored is null)
            {
                Log.PostRefused(services.Logger, refusal);
                return (null, refusal);
            }

            incoming = stored;
            id = incoming.Id;
        }
        else
        {
            conversation.Touch(now);
            incoming = incoming with { Id = Guid.NewGuid().ToString("N"), Timestamp = now.ToString("O", CultureInfo.InvariantCulture) };
        }

        // Not the request's token: a reply the bot has started is delivered even if the client hangs up.
        await services.Handler.HandleAsync(new Turn(incoming, new DirectLineReplySink(conversation, services.Time, services.Logger)), CancellationToken.None).ConfigureAwait(false);
        return (id ?? incoming.Id, DirectLineFeedRefusal.None);
    }

    private static async Task<Access> AuthorizeAsync(HttpContext http, string conversationId, DirectLineServices services, string? queryToken = null)
    {
        var bearer = queryToken ?? DirectLineTokens.Bearer(http.Request.Headers.Authorization);
        if (services.Tokens.IsSecret(bearer))
        {
            return services.Conversations.Find(conversationId) is { } byId ? new Access(byId, null, null) : Fail(StatusCodes.Status404NotFound);
        }

        var token = await services.Tokens.ReadAsync(bearer).ConfigureAwait(false);
        if (token is null)
        {
            Log.Rejected(services.Logger, "missing or invalid token");
            return Fail(StatusCodes.Status401Unauthorized);
        }

        if (!string.Equals(token.ConversationId, conversationId, StringComparison.Ordinal))
        {
            Log.Rejected(services.Logger, "token of another conversation");
            return Fail(StatusCodes.Status403Forbidden);
        }

        if (token.Expired)
        {
            return Fail(StatusCodes.Status403Forbidden);
        }

        if (services.Conversations.Find(conversationId) is not { } conversation)
        {
            return Fail(StatusCodes.Status404NotFound);
        }

        // A client that polls, streams or refreshes is still there: the conversation is not idle.
        conversation.Touch(services.Time.GetUtcNow());
        return new Access(conversation, bearer, null);

        static Access Fail(int status) => new(null, null, new AccessFailure(status));
    }

    private static async Task<(DirectLineStartRequest? Request, ProblemHttpResult? Problem)> ReadStartAsync(HttpContext http)
    {
        if (http.Request.ContentLength is 0 || !RequestBody.IsJson(http.Request.ContentType))
        {
            return (null, null);
        }

        var body = await RequestBody.ReadBoundedAsync(http.Request.Body, 16 * 1024, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", "The limit is 16384 bytes."));
        }

        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize(body, DirectLineJsonContext.Default.DirectLineStartRequest), null);
        }
        catch (JsonException ex)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Malformed JSON", ex.Message));
        }
    }

    /// <summary>The user a secret holder names (trimmed to a sane length), or a new anonymous one.</summary>
    private static ChannelAccount UserFrom(DirectLineStartRequest? request)
    {
        var id = request?.User?.Id;
        var name = request?.User?.Name;
        return new ChannelAccount
        {
            Id = string.IsNullOrWhiteSpace(id) ? DirectLineConversations.NewUserId() : id[..Math.Min(id.Length, 256)],
            Name = string.IsNullOrWhiteSpace(name) ? null : name[..Math.Min(name.Length, 256)],
            Role = "user",
        };
    }

    /// <summary>A new token for the conversation and, for starts, the stream URL that carries it.</summary>
    private static DirectLineConversationInfo Info(HttpContext http, DirectLineServices services, DirectLineConversation conversation, bool stream)
    {
        var token = services.Tokens.Issue(conversation.Id, conversation.User.Id!);
        return new DirectLineConversationInfo(conversation.Id, token, ExpiresIn(services), stream ? StreamUrl(http, conversation.Id, token, watermark: null) : null);
    }

    private static int ExpiresIn(DirectLineServices services) => (int)services.Tokens.Lifetime.TotalSeconds;

    /// <summary>The pre-authorised WebSocket URL of a conversation's stream.</summary>
    private static string StreamUrl(HttpContext http, string conversationId, string token, long? watermark)
    {
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{http.Request.Host}{http.Request.PathBase}{RoutePrefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is { } w ? url + "&watermark=" + w.ToString(CultureInfo.InvariantCulture) : url;
    }

    /// <summary>An opaque watermark from a client: ours are numbers; anything else means from the start.</summary>
    private static long Watermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static StatusCodeHttpResult Forbidden() => TypedResults.StatusCode(StatusCodes.Status403Forbidden);

    private static ProblemHttpResult Full() =>
        TypedResults.Problem("Too many conversations are open; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    private sealed record Access(DirectLineConversation? Conversation, string? Token, AccessFailure? Failure);

    private sealed record AccessFailure(int Status)
    {
        public IResult Result => Status switch
        {
            StatusCodes.Status401Unauthorized => TypedResults.Unauthorized(),
            StatusCodes.Status404NotFound => TypedResults.NotFound(),
            _ => Forbidden(),
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2500, Level = LogLevel.Warning, Message = "Rejected a Direct Line request: {Reason}")]
        public static partial void Rejected(ILogger logger, string reason);

        [LoggerMessage(EventId = 2501, Level = LogLevel.Error, Message = "A Direct Line poll failed; answered with no activities")]
        public static partial void PollFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Throttled a Direct Line token's posts (told to slow down: {Warned})")]
        public static partial void PostThrottled(ILogger logger, bool warned);

        [LoggerMessage(EventId = 2503, Level = LogLevel.Warning, Message = "Refused a Direct Line post: the feed refused it ({Refusal})")]
        public static partial void PostRefused(ILogger logger, DirectLineFeedRefusal refusal);
    }
}

/// <summary>What the Direct Line routes need, injected per request.</summary>
internal sealed record DirectLineServices(
    DirectLineConversations Conversations,
    DirectLineTokens Tokens,
    TurnHandler Handler,
    TurnSlots Slots,
    ActivityReader Reader,
    TimeProvider Time,
    IOptions<BotOptions> BotOptions,
    IOptions<DirectLineOptions> Options,
    IHostApplicationLifetime Lifetime,
    ILogger<DirectLineServices> Logger);
