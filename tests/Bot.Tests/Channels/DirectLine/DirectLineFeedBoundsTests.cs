using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.DirectLine;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CareerBot.Bot.Tests.Channels.DirectLine;

/// <summary>
/// The embedded channel's memory bounds: each feed and all feeds together are bounded in bytes,
/// and a token's posts are throttled before they are echoed into its feed.
/// </summary>
/// <remarks>
/// The bounds are asserted on the bytes the feeds account for, which are the JSON bytes they keep,
/// and on what a client reads back; not on the process's memory: other tests run in the same
/// process at the same time, so a process-wide figure could not be asserted without flakiness.
/// </remarks>
public sealed class DirectLineFeedBoundsTests
{
    private const int ConversationBound = 64 * 1024;
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private BotFactory Bot(Dictionary<string, string?> settings)
    {
        settings.TryAdd("DirectLine:MaxFeedBytesPerConversation", ConversationBound.ToString(System.Globalization.CultureInfo.InvariantCulture));
        settings.TryAdd("DirectLine:PostsPerMinute", "0");
        settings.TryAdd("DirectLine:MaxActivityBytes", (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)); // these fill feeds with large posts
        return new BotFactory(settings, services => services.AddSingleton<TimeProvider>(_clock));
    }

    [Fact]
    public async Task Feed_PostedPastItsByteBound_KeepsTheNewestWithinTheBound()
    {
        using var bot = Bot([]);
        var client = bot.CreateClient();
        var (conversationId, token) = await StartAsync(client);

        // 20 events of 16 KB: about 330 KB posted into a feed bounded at 64 KB.
        for (var i = 0; i < 20; i++)
        {
            var posted = await PostAsync(client, conversationId, token, Event(i, 16 * 1024));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var response = await client.SendAsync(Get($"/v3/directline/conversations/{conversationId}/activities?watermark=", token));
        var activities = (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        var readBack = activities.Sum(a => Encoding.UTF8.GetByteCount(a!.ToJsonString()));
        Assert.InRange(readBack, 1, ConversationBound);
        Assert.Equal("19", (string?)activities[^1]!["value"]!["n"]);
        var conversation = bot.Services.GetRequiredService<DirectLineConversations>().Find(conversationId)!;
        Assert.InRange(conversation.FeedBytes, 3 * 16 * 1024, ConversationBound);
        Assert.Equal(conversation.FeedBytes, bot.Services.GetRequiredService<DirectLineConversations>().FeedBytes);
    }

    [Fact]
    public async Task TokenEndpoint_OneAddressHoldingItsShare_Gets429_OthersAreServed_AndExpiryFreesIt()
    {
        // One client taking tokens at the per-minute rate and keeping them alive could fill every
        // conversation the channel holds, and with them the feed bytes all visitors share.
        using var bot = Bot(new() { ["DirectLine:MaxConversationsPerAddress"] = "2", ["DirectLine:TokenRequestsPerMinute"] = "100" });
        var client = IPAddress.Parse("203.0.113.5");
        var ipv6 = IPAddress.Parse("2001:db8:1:2::10");

        async Task<int> TokenAsync(IPAddress from) => (await bot.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = from;
            c.Request.Method = "POST";
            c.Request.Path = "/api/directline/token";
        })).Response.StatusCode;

        Assert.Equal(200, await TokenAsync(client));
        Assert.Equal(200, await TokenAsync(client));
        Assert.Equal(429, await TokenAsync(client));
        Assert.Equal(429, await TokenAsync(client.MapToIPv6()));
        Assert.Equal(200, await TokenAsync(IPAddress.Parse("198.51.100.7")));
        Assert.Equal(200, await TokenAsync(ipv6));
        Assert.Equal(200, await TokenAsync(IPAddress.Parse("2001:db8:1:2::11")));
        Assert.Equal(429, await TokenAsync(IPAddress.Parse("2001:db8:1:2:ffff::1"))); // the same /64
        Assert.Equal(2, bot.Services.GetRequiredService<DirectLineConversations>().CountFor(client));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, await TokenAsync(IPAddress.Loopback)); // the bot's own machine is not counted
        }

        _clock.Advance(TimeSpan.FromHours(2)); // past the idle timeout: the address's conversations expire

        Assert.Equal(200, await TokenAsync(client));
        Assert.Equal(1, bot.Services.GetRequiredService<DirectLineConversations>().CountFor(client));
    }

    [Fact]
    public async Task Feed_OneActivityLargerThanItsBound_Is413AndNotEchoed()
    {
        using var bot = Bot([]);
        var client = bot.CreateClient();
        var (conversationId, token) = await StartAsync(client);

        var posted = await PostAsync(client, conversationId, token, Event(0, 100 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        var feed = await (await client.SendAsync(Get($"/v3/directline/conversations/{conversationId}/activities?watermark=", token))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.DoesNotContain(feed!["activities"]!.AsArray(), a => (string?)a!["type"] == "event");
    }

    [Fact]
    public async Task Channel_AllFeedsAtTheirBound_RefusesFurtherPostsWith503()
    {
        const int ChannelBound = 2 * ConversationBound;
        using var bot = Bot(new() { ["DirectLine:MaxFeedBytes"] = ChannelBound.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var client = bot.CreateClient();
        var conversations = bot.Services.GetRequiredService<DirectLineConversations>();

        HttpResponseMessage? refused = null;
        for (var c = 0; c < 4 && refused is null; c++)
        {
            var (conversationId, token) = await StartAsync(client);
            for (var i = 0; i < 3 && refused is null; i++)
            {
                var posted = await PostAsync(client, conversationId, token, Event(i, 18 * 1024));
                Assert.InRange(conversations.FeedBytes, 1, ChannelBound);
                if (posted.StatusCode != HttpStatusCode.OK)
                {
                    refused = posted;
                }
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("Feeds full", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Address_FeedsAtItsByteShare_Gets429_OthersAreServed_AndExpiryFreesIt()
    {
        // One client holding its 50 conversations at their 1 MiB bound kept 50 MiB of the feed bytes
        // every visitor shares; five such clients filled them, and every visitor's post got 503.
        const int AddressBound = 2 * ConversationBound;
        using var bot = Bot(new()
        {
            ["DirectLine:MaxFeedBytesPerAddress"] = AddressBound.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DirectLine:TokenRequestsPerMinute"] = "100",
        });
        var client = bot.CreateClient();
        var conversations = bot.Services.GetRequiredService<DirectLineConversations>();
        var greedy = IPAddress.Parse("203.0.113.5");

        HttpResponseMessage? refused = null;
        for (var c = 0; c < 4 && refused is null; c++)
        {
            var (conversationId, token) = await StartFromAsync(bot, client, greedy);
            for (var i = 0; i < 3 && refused is null; i++)
            {
                var posted = await PostAsync(client, conversationId, token, Event(i, 18 * 1024));
                Assert.InRange(conversations.FeedBytesFor(greedy), 1, AddressBound);
                if (posted.StatusCode != HttpStatusCode.OK)
                {
                    refused = posted;
                }
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Feeds full for this address", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        Assert.True(conversations.FeedBytes < conversations.FeedBytesFor(greedy) + ConversationBound, "other addresses hold nothing yet");

        var (otherId, otherToken) = await StartFromAsync(bot, client, IPAddress.Parse("198.51.100.7"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, otherId, otherToken, Event(0, 18 * 1024))).StatusCode);

        _clock.Advance(TimeSpan.FromHours(2)); // past the idle timeout: the address's conversations expire, with their bytes

        var (againId, againToken) = await StartFromAsync(bot, client, greedy);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, againId, againToken, Event(0, 18 * 1024))).StatusCode);
        Assert.InRange(conversations.FeedBytesFor(greedy), 18 * 1024, 2 * 18 * 1024 + 8 * 1024);
    }

    [Fact]
    public async Task Posts_BeyondTheTokensRate_Get429AndAreNotEchoed()
    {
        using var bot = Bot(new() { ["DirectLine:PostsPerMinute"] = "1", ["DirectLine:PostBurst"] = "2" });
        var client = bot.CreateClient();
        var (conversationId, token) = await StartAsync(client);

        var statuses = new List<HttpStatusCode>();
        foreach (var text in new[] { "one", "two", "three", "four" })
        {
            var posted = await PostAsync(client, conversationId, token, new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "x" }, ["text"] = text });
            statuses.Add(posted.StatusCode);
            if (posted.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromSeconds(60), posted.Headers.RetryAfter?.Delta);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var feed = (await (await client.SendAsync(Get($"/v3/directline/conversations/{conversationId}/activities?watermark=", token))).Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        var userTexts = feed.Where(a => (string?)a!["from"]!["role"] == "user").Select(a => (string?)a!["text"]).ToList();
        Assert.Equal(["one", "two"], userTexts);
        Assert.Single(feed, a => (string?)a!["text"] == TurnCore.SlowDown); // said once, not per refused post

        _clock.Advance(TimeSpan.FromMinutes(1));
        var later = await PostAsync(client, conversationId, token, new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "x" }, ["text"] = "five" });
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Theory]
    [InlineData("DirectLine:MaxFeedBytes", "65536", "DirectLine:MaxFeedBytes")]
    [InlineData("DirectLine:MaxFeedBytesPerConversation", "1024", "MaxFeedBytesPerConversation")]
    [InlineData("DirectLine:PostsPerMinute", "-1", "PostsPerMinute")]
    [InlineData("DirectLine:MaxFeedBytesPerAddress", "65536", "DirectLine:MaxFeedBytesPerAddress")] // below one conversation's bound
    [InlineData("DirectLine:MaxFeedBytesPerAddress", "1024", "MaxFeedBytesPerAddress")]
    [InlineData("DirectLine:AzureEndpoint", "http://directline.botframework.com/v3/directline", "DirectLine:AzureEndpoint")]
    public void StartUp_BadBoundOrEndpoint_FailsNamingTheSetting(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { ["DirectLine:MaxFeedBytesPerConversation"] = "131072", [key] = value };

        Assert.Contains(named, StartupValidation.Failure(settings).Message, StringComparison.Ordinal);
    }

    private static JsonObject Event(int n, int bytes) => new()
    {
        ["type"] = "event",
        ["name"] = "bulk",
        ["from"] = new JsonObject { ["id"] = "x" },
        ["value"] = new JsonObject { ["n"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture), ["pad"] = new string('a', bytes) },
    };

    private static async Task<(string ConversationId, string Token)> StartAsync(HttpClient client)
    {
        var grant = (await (await client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        return await StartWithAsync(client, grant);
    }

    /// <summary>A conversation started with a token the page's endpoint gave a client at <paramref name="address"/>.</summary>
    private static async Task<(string ConversationId, string Token)> StartFromAsync(BotFactory bot, HttpClient client, IPAddress address)
    {
        var granted = await bot.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = address;
            c.Request.Method = "POST";
            c.Request.Path = "/api/directline/token";
        });
        Assert.Equal(200, granted.Response.StatusCode);
        return await StartWithAsync(client, JsonNode.Parse(granted.Response.Body)!.AsObject());
    }

    /// <summary>Starts the conversation a grant of the page's token endpoint names, with its token.</summary>
    private static async Task<(string ConversationId, string Token)> StartWithAsync(HttpClient client, JsonObject grant)
    {
        var token = (string)grant["token"]!;
        var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(start)).StatusCode);
        return ((string)grant["conversationId"]!, token);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string conversationId, string token, JsonObject activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities") { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private static HttpRequestMessage Get(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
