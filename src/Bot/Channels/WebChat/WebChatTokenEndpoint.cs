using System.Net.Http.Headers;
using System.Net.Http.Json;
using CareerBot.Bot.Channels.DirectLine;
using CareerBot.Bot.Channels.BotFramework;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Channels.WebChat;

/// <summary>
/// <c>POST /api/directline/token</c>: what the careers page calls to open a chat. It gets a
/// token bound to a new conversation and the Direct Line domain to use it with, never a
/// secret. Rate limited per client address. With <c>DirectLine:AzureSecret</c> set, the
/// token comes from Azure's Direct Line instead of the embedded channel.
/// </summary>
internal static partial class WebChatTokenEndpoint
{
    public const string Route = "/api/directline/token";
    public const string RateLimitPolicy = "directline-token";
    public const string AzureClientName = "directline-azure";

    public static async Task<Results<Ok<WebChatToken>, ProblemHttpResult>> PostAsync(HttpContext http, WebChatTokenServices services)
    {
        var options = services.Options.Value;
        var user = new ChannelAccount { Id = DirectLineConversations.NewUserId(), Role = "user" };
        if (!string.IsNullOrEmpty(options.AzureSecret))
        {
            return await FromAzureAsync(options, user, services, http.RequestAborted).ConfigureAwait(false);
        }

        // A page opened on the bot's own machine (a developer reloading it all afternoon) is not counted.
        var address = http.Connection.RemoteIpAddress is { } remote && !Http.Loopback.Is(remote) ? remote : null;
        var (conversation, addressFull) = services.Conversations.Create("webchat", user, address);
        if (addressFull)
        {
            http.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem("This address has too many conversations open; close some or wait until they expire.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many conversations");
        }

        if (conversation is null)
        {
            return TypedResults.Problem("Too many conversations are open; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
        }

        var request = http.Request;
        var domain = $"{request.Scheme}://{request.Host}{request.PathBase}{DirectLineEndpoints.RoutePrefix}";
        var token = services.Tokens.Issue(conversation.Id, user.Id);
        return TypedResults.Ok(new WebChatToken(token, conversation.Id, (int)services.Tokens.Lifetime.TotalSeconds, domain, WebSocket: true));
    }

    /// <summary>Exchanges the Azure Direct Line secret for a conversation token (server side only).</summary>
    private static async Task<Results<Ok<WebChatToken>, ProblemHttpResult>> FromAzureAsync(
        DirectLineOptions options, ChannelAccount user, WebChatTokenServices services, CancellationToken cancellationToken)
    {
        var client = services.HttpClients.CreateClient(AzureClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.AzureEndpoint.TrimEnd('/') + "/tokens/generate")
        {
            Content = JsonContent.Create(new DirectLineStartRequest(user), DirectLineJsonContext.Default.DirectLineStartRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AzureSecret);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var info = await response.Content.ReadFromJsonAsync(DirectLineJsonContext.Default.DirectLineConversationInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new HttpRequestException("empty token response");
            return TypedResults.Ok(new WebChatToken(info.Token, info.ConversationId, info.ExpiresIn, options.AzureEndpoint, WebSocket: true));
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.AzureTokenFailed(services.Logger, ex);
            return TypedResults.Problem("The chat service is not reachable right now.", statusCode: StatusCodes.Status502BadGateway, title: "Chat unavailable");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2510, Level = LogLevel.Error, Message = "Could not get a token from Azure Direct Line")]
        public static partial void AzureTokenFailed(ILogger logger, Exception exception);
    }
}

/// <summary>What the token endpoint needs, injected per request.</summary>
internal sealed record WebChatTokenServices(
    DirectLineConversations Conversations,
    DirectLineTokens Tokens,
    IHttpClientFactory HttpClients,
    IOptions<DirectLineOptions> Options,
    ILogger<WebChatTokenServices> Logger);
