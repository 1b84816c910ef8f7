using System.Text.Json;
using CareerBot.Bot.Turns;
using CareerBot.Bot.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework channel endpoint. Checks the request
/// (content type 415, size 413, JSON 400, credentials 401), runs the turn, and answers 200 —
/// with the replies in the body for <c>expectReplies</c>, the invoke response for invokes.
/// </summary>
internal static partial class BotEndpoint
{
    public static async Task<IResult> PostAsync(HttpContext http, BotEndpointServices services)
    {
        var request = http.Request;
        var cancellationToken = http.RequestAborted;
        var (activity, problem) = await ActivityRequest.ReadAsync(request, services.Reader, services.Options.Value, Invalid, cancellationToken).ConfigureAwait(false);
        if (activity is null)
        {
            return problem!;
        }

        var auth = await services.Authenticator.AuthenticateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, activity, cancellationToken).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            Log.Unauthorized(services.Logger, auth.Failure ?? "unknown");
            return TypedResults.Unauthorized();
        }

        using var slot = services.Slots.TryTake();
        if (slot is null)
        {
            return TurnSlots.Busy(http);
        }

        var expectReplies = activity.DeliveryMode == ActivityTypes.ExpectReplies;
        IReplySink sink;
        BufferedReplySink? buffer = null;
        if (expectReplies)
        {
            sink = buffer = new BufferedReplySink();
        }
        else if (string.IsNullOrEmpty(activity.ServiceUrl) || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUri) || serviceUri.Scheme is not ("http" or "https"))
        {
            return Problem(StatusCodes.Status400BadRequest, "Not an activity", "serviceUrl must be an absolute http(s) URL unless deliveryMode is expectReplies.");
        }
        else if (serviceUri.UserInfo.Length > 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Not an activity", "serviceUrl must not carry user information.");
        }
        else if (services.AuthenticationOptions.Value.IsAnonymous && !ServiceUrlAllowList.Allows(serviceUri, services.Options.Value.AllowedServiceUrls, http.Connection.RemoteIpAddress))
        {
            return Problem(StatusCodes.Status403Forbidden, "Service URL not allowed", "Without an app id, replies go only to Bot:AllowedServiceUrls, or to loopback for a caller on loopback.");
        }
        else
        {
            sink = services.Connector.For(activity.ServiceUrl);
        }

        var invoke = await services.Handler.HandleAsync(new Turn(activity, sink), cancellationToken).ConfigureAwait(false);
        if (invoke is not null)
        {
            return invoke.Body is null ? TypedResults.StatusCode(invoke.Status) : TypedResults.Json(invoke.Body, statusCode: invoke.Status);
        }

        return buffer is null
            ? TypedResults.Ok()
            : JsonReply.Of(new ExpectedReplies([.. buffer.Replies]), ActivityJsonContext.Default.ExpectedReplies);
    }

    /// <summary>What <c>/api/messages</c> asks of an activity beyond a type.</summary>
    private static string? Invalid(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "An activity needs a 'channelId'.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "An activity needs 'conversation.id'.";
        }

        if (ConnectorClient.IsDotSegment(activity.Conversation.Id) || ConnectorClient.IsDotSegment(activity.Id))
        {
            return "'conversation.id' and 'id' must not be \".\" or \"..\": replies are posted to a path made of them.";
        }

        return null;
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2300, Level = LogLevel.Warning, Message = "Rejected an unauthenticated request to /api/messages: {Reason}")]
        public static partial void Unauthorized(ILogger logger, string reason);
    }
}

/// <summary>What the bot endpoint needs, injected per request.</summary>
internal sealed record BotEndpointServices(
    TurnHandler Handler,
    TurnSlots Slots,
    ActivityReader Reader,
    IBotAuthenticator Authenticator,
    ConnectorClient Connector,
    IOptions<BotOptions> Options,
    IOptions<BotAuthenticationOptions> AuthenticationOptions,
    ILogger<BotEndpointServices> Logger);
