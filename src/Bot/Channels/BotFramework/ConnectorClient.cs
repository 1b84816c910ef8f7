using System.Net.Http.Headers;
using System.Text.Json;
using CareerBot.Bot.Turns;
using CareerBot.Bot.Telemetry;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// Posts replies to a channel's Connector API (ReplyToActivity when the reply answers an
/// activity, SendToConversation otherwise). Retries with jittered backoff on 429, 5xx and
/// timeouts live in the HttpClient's resilience handler; a reply that still fails is
/// dropped with a log line, counted in careerbot.reply_failures, and never fails the turn.
/// Redirects are never followed: a 3xx answer is a failed delivery (event 2202).
/// One instance for the bot, taking a client from the factory per reply (a typed client was made
/// per request, with a factory compiled from an expression tree, even for requests that reply in
/// the response body).
/// </summary>
internal sealed partial class ConnectorClient(IHttpClientFactory clients, IConnectorTokenProvider tokens, BotMetrics metrics, ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "connector";

    public IReplySink For(string serviceUrl) => new Sink(this, serviceUrl);

    public async Task<string?> SendAsync(string serviceUrl, Activity reply, CancellationToken cancellationToken)
    {
        var uri = Route(serviceUrl, reply);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = JsonContent(reply),
            };
            var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (reply.Conversation?.Id is { } conversationId)
            {
                request.Headers.TryAddWithoutValidation("x-ms-conversation-id", conversationId);
            }

            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                // The HttpClient does not follow redirects (BotServiceCollectionExtensions): a 3xx is a failed delivery.
                Log.RedirectRefused(logger, (int)response.StatusCode, uri.GetLeftPart(UriPartial.Authority));
                metrics.ReplyFailed(BotTelemetry.Channel(reply.ChannelId), "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                Log.ReplyDropped(logger, (int)response.StatusCode, uri.GetLeftPart(UriPartial.Authority));
                metrics.ReplyFailed(BotTelemetry.Channel(reply.ChannelId), "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return null;
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return ParseId(body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            Log.ReplyFailed(logger, uri.GetLeftPart(UriPartial.Authority), ex.GetType().Name);
            metrics.ReplyFailed(BotTelemetry.Channel(reply.ChannelId), ex.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}], ids escaped, the service URL's path kept.
    /// An id of "." or ".." is refused (<see cref="ArgumentException"/>; the endpoint answers 400 before):
    /// escaping does not keep it, the URI collapses it as a dot segment, and ids ".." and ".." turned a
    /// reply to http://127.0.0.1:4001/svc/ into a post to /svc/v3/.
    /// </summary>
    public static Uri Route(string serviceUrl, Activity reply)
    {
        var root = serviceUrl.TrimEnd('/') + "/";
        var conversation = Segment(reply.Conversation?.Id ?? string.Empty);
        var path = $"v3/conversations/{conversation}/activities";
        if (!string.IsNullOrEmpty(reply.ReplyToId))
        {
            path += "/" + Segment(reply.ReplyToId);
        }

        return new Uri(new Uri(root), path);

        static string Segment(string id) => IsDotSegment(id)
            ? throw new ArgumentException($"An id of \"{id}\" would leave the conversation's path.", nameof(reply))
            : Uri.EscapeDataString(id);
    }

    /// <summary>Whether <paramref name="id"/> is "." or "..": as a path segment it names the folder itself or the one above.</summary>
    public static bool IsDotSegment(string? id) => id is "." or "..";

    private static ByteArrayContent JsonContent(Activity reply)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(reply, ActivityJsonContext.Default.Activity));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static string? ParseId(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, ActivityJsonContext.Default.ResourceResponse)?.Id;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Sink(ConnectorClient client, string serviceUrl) : IReplySink
    {
        public Task<string?> SendAsync(Activity reply, CancellationToken cancellationToken) => client.SendAsync(serviceUrl, reply, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "Reply dropped: the Connector at {Host} answered {Status} after retries")]
        public static partial void ReplyDropped(ILogger logger, int status, string host);

        [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Reply dropped: the Connector at {Host} answered {Status}, a redirect; replies never follow redirects")]
        public static partial void RedirectRefused(ILogger logger, int status, string host);

        [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Reply dropped: the Connector at {Host} could not be reached ({Error}) after retries")]
        public static partial void ReplyFailed(ILogger logger, string host, string error);
    }
}
