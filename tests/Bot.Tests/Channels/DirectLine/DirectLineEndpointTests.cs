using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareerBot.Bot.Tests.Channels.DirectLine;

/// <summary>
/// The embedded Direct Line 3.0 channel, route by route, as botframework-directlinejs and
/// Web Chat use it: tokens, start, post, polling, WebSocket stream, expiry and isolation.
/// </summary>
public sealed class DirectLineEndpointTests : IDisposable
{
    private const string Secret = "test-direct-line-secret";
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly BotFactory _factory;
    private readonly HttpClient _client;

    public DirectLineEndpointTests()
        : this([])
    {
    }

    private DirectLineEndpointTests(Dictionary<string, string?> settings)
    {
        settings.TryAdd("DirectLine:Secret", Secret);
        settings.TryAdd("DirectLine:ConversationIdleTimeout", "00:10:00");
        settings.TryAdd("DirectLine:MaxActivitiesPerConversation", "10");
        settings.TryAdd("DirectLine:MaxConversations", "5");
        settings.TryAdd("DirectLine:TokenRequestsPerMinute", "4");
        settings.TryAdd("DirectLine:AllowedOrigins:0", "https://careers.example.com");
        _factory = new BotFactory(settings, services => services.AddSingleton<TimeProvider>(_clock));
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task TokenEndpoint_Post_GivesAConversationBoundTokenForTheEmbeddedChannel()
    {
        var grant = await PageTokenAsync();

        Assert.Equal(1800, (int)grant["expires_in"]!);
        Assert.Equal("http://localhost/v3/directline", (string?)grant["domain"]);
        Assert.True((bool)grant["webSocket"]!);
        var claims = JwtPayload((string)grant["token"]!);
        Assert.Equal((string?)grant["conversationId"], (string?)claims["conv"]);
        Assert.StartsWith("dl_", (string?)claims["user"], StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, grant.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartConversation_WithToken_WelcomesOnceAndGivesAStreamUrl()
    {
        var (conversationId, token) = await PageConversationAsync();

        var first = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, new JsonObject { ["user"] = new JsonObject { ["id"] = "someone-else" } });
        var again = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var started = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(conversationId, (string?)started["conversationId"]);
        Assert.StartsWith($"ws://localhost/v3/directline/conversations/{conversationId}/stream?t=", (string?)started["streamUrl"], StringComparison.Ordinal);
        var feed = await ActivitiesAsync(conversationId, token, watermark: string.Empty);
        var welcome = Assert.Single(feed["activities"]!.AsArray())!;
        Assert.Equal("message", (string?)welcome["type"]);
        Assert.Equal("webchat", (string?)welcome["channelId"]);
        Assert.Equal("bot", (string?)welcome["from"]!["role"]);
        Assert.Equal($"{conversationId}|0000001", (string?)welcome["id"]);
        Assert.Equal("2026-11-23T09:00:00.0000000Z", (string?)welcome["timestamp"]);
        Assert.StartsWith("Hello", (string?)welcome["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_Message_EchoesItAsTheTokensUserThenAnswersInTheFeed()
    {
        var (conversationId, token) = await StartedConversationAsync();
        var user = (string?)JwtPayload(token)["user"];

        var posted = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, new JsonObject
        {
            ["type"] = "message",
            ["channelId"] = "webchat",
            ["from"] = new JsonObject { ["id"] = "impostor", ["name"] = "Visitor", ["role"] = "user" },
            ["text"] = "Do I need a PhD?",
            ["channelData"] = new JsonObject { ["clientActivityID"] = "client-42" },
        });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (string?)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"];
        Assert.Equal($"{conversationId}|0000002", id);
        var feed = await ActivitiesAsync(conversationId, token, watermark: "1");
        var activities = feed["activities"]!.AsArray();
        Assert.Equal(2, activities.Count);
        var echo = activities[0]!;
        Assert.Equal(id, (string?)echo["id"]);
        Assert.Equal("client-42", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal(user, (string?)echo["from"]!["id"]);
        Assert.Null(echo["from"]!["name"]); // the token names no one: a name in the body is not passed on
        Assert.NotNull((string?)echo["timestamp"]);
        var answer = activities[1]!;
        Assert.Equal(id, (string?)answer["replyToId"]);
        Assert.Equal(user, (string?)answer["recipient"]!["id"]);
        Assert.Contains("[1]: cite:1", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Equal("3", (string?)feed["watermark"]);
    }

    [Fact]
    public async Task GetActivities_Watermarks_ResumeWhereTheClientLeftOff()
    {
        var (conversationId, token) = await StartedConversationAsync();

        var fromStart = await ActivitiesAsync(conversationId, token, watermark: string.Empty);
        var caughtUp = await ActivitiesAsync(conversationId, token, watermark: (string)fromStart["watermark"]!);
        var garbage = await ActivitiesAsync(conversationId, token, watermark: "not-a-number");

        Assert.Single(fromStart["activities"]!.AsArray());
        Assert.Empty(caughtUp["activities"]!.AsArray());
        Assert.Equal("1", (string?)caughtUp["watermark"]);
        Assert.Single(garbage["activities"]!.AsArray());
    }

    [Fact]
    public async Task Feed_BeyondItsBound_DropsTheOldestActivities()
    {
        var (conversationId, token) = await StartedConversationAsync();
        for (var i = 0; i < 6; i++)
        {
            await PostTextAsync(conversationId, token, "hello");
        }

        var feed = await ActivitiesAsync(conversationId, token, watermark: string.Empty);

        var ids = feed["activities"]!.AsArray().Select(a => (string?)a!["id"]).ToList();
        Assert.Equal(10, ids.Count);
        Assert.Equal($"{conversationId}|0000004", ids[0]);
        Assert.Equal("13", (string?)feed["watermark"]);
    }

    [Fact]
    public async Task Tokens_FromAnotherConversationForgedOrMissing_AreRefused()
    {
        var (conversationId, token) = await StartedConversationAsync();
        var (_, otherToken) = await StartedConversationAsync();
        var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var path = $"/v3/directline/conversations/{conversationId}/activities";

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, path, otherToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, path, tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, path, bearer: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, path, "wrong-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, path, otherToken, Message("hi"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, path, token)).StatusCode);
    }

    [Fact]
    public async Task Tokens_AfterTheirLifetime_Get403AndRefreshOnlyWhileValid()
    {
        var (conversationId, token) = await StartedConversationAsync();
        var path = $"/v3/directline/conversations/{conversationId}/activities";

        _clock.Advance(TimeSpan.FromMinutes(9));
        var refresh = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var refreshed = (string)(await refresh.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        _clock.Advance(TimeSpan.FromMinutes(9));
        await PostTextAsync(conversationId, refreshed, "still here?");
        _clock.Advance(TimeSpan.FromMinutes(9));
        await PostTextAsync(conversationId, refreshed, "and now?");
        _clock.Advance(TimeSpan.FromMinutes(4)); // 31 minutes after the first token; 22 after the second

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, path, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, path, refreshed)).StatusCode);
    }

    [Fact]
    public async Task Conversation_IdleLongerThanTheTimeout_IsGone()
    {
        var (conversationId, token) = await StartedConversationAsync();

        _clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=", token)).StatusCode);
    }

    [Fact]
    public async Task Conversations_BeyondTheLimit_Get503UntilIdleOnesExpire()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret)).StatusCode);
        }

        var full = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret);
        _clock.Advance(TimeSpan.FromMinutes(11));
        var afterExpiry = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterExpiry.StatusCode);
    }

    [Fact]
    public async Task SecretRoutes_NeedTheSecret_AndStartConversationsForOtherClients()
    {
        var generated = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret, new JsonObject { ["user"] = new JsonObject { ["id"] = "u-7", ["name"] = "Ana" } });
        var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", "guess")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Post, "/v3/directline/conversations", bearer: null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.Equal("u-7", (string?)JwtPayload((string)(await generated.Content.ReadFromJsonAsync<JsonObject>())!["token"]!)["user"]);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var feed = await ActivitiesAsync((string)conversation["conversationId"]!, Secret, watermark: string.Empty);
        Assert.Equal("directline", (string?)feed["activities"]![0]!["channelId"]);
    }

    [Fact]
    public async Task Reconnect_WithWatermark_GivesAStreamUrlThatResumesThere()
    {
        var (conversationId, token) = await StartedConversationAsync();

        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=1", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(conversationId, (string?)body["conversationId"]);
        Assert.EndsWith("&watermark=1", (string?)body["streamUrl"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_BadBodies_AreClientErrors()
    {
        var (conversationId, token) = await StartedConversationAsync();
        var path = $"/v3/directline/conversations/{conversationId}/activities";

        Assert.Equal(HttpStatusCode.BadRequest, (await SendRawAsync(path, token, "{not json", "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendRawAsync(path, token, "{\"text\":\"no type\"}", "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await SendRawAsync(path, token, "hello", "text/plain")).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await SendRawAsync(path, token, "{\"type\":\"message\",\"text\":\"" + new string('a', 300_000) + "\"}", "application/json")).StatusCode);
    }

    [Fact]
    public async Task PostActivity_OverTheActivityLimit_Is413()
    {
        // Each post is kept in the feed: at Bot:MaxBodyBytes (256 KiB) a post, a few dozen tokens
        // filled the bytes every conversation's feed shares.
        var (conversationId, token) = await StartedConversationAsync();
        var path = $"/v3/directline/conversations/{conversationId}/activities";

        var large = await SendRawAsync(path, token, "{\"type\":\"message\",\"text\":\"" + new string('a', 40_000) + "\"}", "application/json");
        var typed = await SendRawAsync(path, token, "{\"type\":\"message\",\"text\":\"" + new string('a', 20_000) + "\"}", "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
    }

    [Fact]
    public async Task Stream_OverWebSocket_SendsTheFeedAsItGrows_AndANewStreamClosesTheOld()
    {
        var (conversationId, token) = await StartedConversationAsync();
        var streamUrl = new Uri(_factory.Server.BaseAddress, $"/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}");
        var sockets = _factory.Server.CreateWebSocketClient();
        using var socket = await sockets.ConnectAsync(streamUrl, CancellationToken.None);

        var backlog = await ReceiveSetAsync(socket);
        Assert.Equal("1", (string?)backlog["watermark"]);
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, CancellationToken.None); // the client's keep-alive
        await PostTextAsync(conversationId, token, "What does an ML engineer earn?");
        var received = new List<JsonNode?>();
        while (received.Count < 2)
        {
            received.AddRange((await ReceiveSetAsync(socket))["activities"]!.AsArray());
        }

        Assert.Equal("What does an ML engineer earn?", (string?)received[0]!["text"]);
        Assert.Equal("bot", (string?)received[1]!["from"]!["role"]);

        using var newer = await sockets.ConnectAsync(streamUrl, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        }
        while (result.MessageType != WebSocketMessageType.Close);

        Assert.Equal("collision", result.CloseStatusDescription);
    }

    [Fact]
    public async Task Stream_WithoutAValidToken_IsRefused()
    {
        var (conversationId, _) = await StartedConversationAsync();
        var sockets = _factory.Server.CreateWebSocketClient();

        await Assert.ThrowsAnyAsync<Exception>(() => sockets.ConnectAsync(new Uri(_factory.Server.BaseAddress, $"/v3/directline/conversations/{conversationId}/stream?t=forged"), CancellationToken.None));
    }

    [Fact]
    public async Task TokenEndpoint_BeyondTheRateLimit_Gets429WithRetryAfter()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/directline/token", null)).StatusCode);
        }

        var limited = await _client.PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task Cors_Preflight_AllowsOnlyConfiguredOrigins()
    {
        using var allowed = Preflight("https://careers.example.com");
        using var other = Preflight("https://evil.example.net");

        var ok = await _client.SendAsync(allowed);
        var refused = await _client.SendAsync(other);

        Assert.Equal("https://careers.example.com", ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-ms-bot-agent", string.Join(",", ok.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        static HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
            return request;
        }
    }

    private async Task<JsonObject> PageTokenAsync()
    {
        var response = await _client.PostAsync("/api/directline/token", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<(string ConversationId, string Token)> PageConversationAsync()
    {
        var grant = await PageTokenAsync();
        return ((string)grant["conversationId"]!, (string)grant["token"]!);
    }

    private async Task<(string ConversationId, string Token)> StartedConversationAsync()
    {
        var (conversationId, token) = await PageConversationAsync();
        var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (conversationId, (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["token"]!);
    }

    private async Task PostTextAsync(string conversationId, string token, string text)
    {
        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, Message(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonObject> ActivitiesAsync(string conversationId, string token, string watermark)
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, JsonObject? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> SendRawAsync(string path, string bearer, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return _client.SendAsync(request);
    }

    private static JsonObject Message(string text) => new()
    {
        ["type"] = "message",
        ["from"] = new JsonObject { ["id"] = "x" },
        ["text"] = text,
    };

    private static async Task<JsonObject> ReceiveSetAsync(WebSocket socket)
    {
        var buffer = new byte[256 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return JsonNode.Parse(message.ToArray())!.AsObject();
    }

    private static JsonObject JwtPayload(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonNode.Parse(Convert.FromBase64String(payload))!.AsObject();
    }
}
