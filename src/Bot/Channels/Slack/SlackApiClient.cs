using System.Net.Http.Headers;
using System.Text.Json;
using CareerBot.Bot.Telemetry;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// Calls Slack's Web API with the bot token. Retries on 429 (after Retry-After), 5xx and
/// timeouts live in the HttpClient's resilience handler; a call that still fails, or that Slack
/// answers with <c>{ok:false, error}</c>, is logged with the event it answers, counted in
/// careerbot.reply_failures and dropped.
/// The token never reaches a log line.
/// </summary>
internal sealed partial class SlackApiClient(IHttpClientFactory clients, IOptions<SlackOptions> options, BotMetrics metrics, ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "slack";
    public const string PostMessageMethod = "chat.postMessage";
    private const string Channel = SlackEndpoints.ChannelId;

    /// <summary>Posts a message; returns its <c>ts</c>, or null when it was not posted.</summary>
    public async Task<string?> PostMessageAsync(SlackPostMessage message, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var uri = new Uri(new Uri(settings.ApiBaseUrl.TrimEnd('/') + "/"), PostMessageMethod);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.SlackPostMessage)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.BotToken);

            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Log.PostFailed(logger, PostMessageMethod, (int)response.StatusCode, eventId);
                metrics.ReplyFailed(Channel, "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return null;
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var answer = Parse(body);
            if (answer is not { Ok: true })
            {
                Log.ApiError(logger, PostMessageMethod, BotFramework.Escaping.Truncate(answer?.Error ?? "unreadable response", 100), eventId);
                metrics.ReplyFailed(Channel, "ok:false");
                return null;
            }

            return answer.Ts;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            Log.Unreachable(logger, PostMessageMethod, ex.GetType().Name, eventId);
            metrics.ReplyFailed(Channel, ex.GetType().Name);
            return null;
        }
    }

    private static SlackApiResponse? Parse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, SlackJsonContext.Default.SlackApiResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2610, Level = LogLevel.Warning, Message = "Slack {Method} answered ok:false ({Error}) for event {EventId}; the reply is dropped")]
        public static partial void ApiError(ILogger logger, string method, string error, string eventId);

        [LoggerMessage(EventId = 2611, Level = LogLevel.Warning, Message = "Slack {Method} answered HTTP {Status} after retries for event {EventId}; the reply is dropped")]
        public static partial void PostFailed(ILogger logger, string method, int status, string eventId);

        [LoggerMessage(EventId = 2612, Level = LogLevel.Warning, Message = "Slack {Method} could not be reached ({Error}) after retries for event {EventId}; the reply is dropped")]
        public static partial void Unreachable(ILogger logger, string method, string error, string eventId);
    }
}
