using System.Net;
using System.Net.Http.Json;
using CareerBot.Bot.Channels.BotFramework;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

public sealed class ConnectorClientTests
{
    private static Dictionary<string, string?> FastRetries() => new()
    {
        ["Bot:ConnectorRetryDelay"] = "00:00:00.010",
        ["Bot:ConnectorRetries"] = "3",
    };

    [Fact]
    public async Task Reply_429And503ThenOk_IsRetriedAndDelivered()
    {
        await using var channel = await FakeChannelServer.StartAsync();
        channel.FailNext(429, 503);
        using var bot = new BotFactory(FastRetries());

        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", serviceUrl: channel.ServiceUrl, expectReplies: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await channel.WaitForAsync(2);
        Assert.Equal("message", (string?)replies[0]["type"]);
    }

    [Fact]
    public async Task Reply_ChannelKeepsFailing_IsDroppedWithALogLineAndTheTurnSucceeds()
    {
        await using var channel = await FakeChannelServer.StartAsync();
        channel.FailNext(500, 500, 500, 500, 500, 500, 500, 500);
        using var bot = new BotFactory(FastRetries());

        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", serviceUrl: channel.ServiceUrl, expectReplies: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(bot.Logs.Events, e => e.EventId == 2200);
    }

    [Fact]
    public async Task Reply_ConnectorAnswers307_IsNotFollowedAndIsLoggedAsDropped()
    {
        await using var target = await FakeChannelServer.StartAsync();
        await using var channel = await FakeChannelServer.StartAsync();
        channel.RedirectTo = target.ServiceUrl;
        using var bot = new BotFactory(FastRetries());

        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", serviceUrl: channel.ServiceUrl, expectReplies: false));

        // The turn has posted (and awaited) its replies before it answers.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(channel.Redirected >= 1);
        Assert.Empty(target.Received);
        Assert.Contains(bot.Logs.Events, e => e.EventId == 2202 && e.Message.Contains("307", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "a:1;messageid=2", "act@1", "https://smba.trafficmanager.net/amer/v3/conversations/a%3A1%3Bmessageid%3D2/activities/act%401")]
    [InlineData("https://example.com/base", "c1", null, "https://example.com/base/v3/conversations/c1/activities")]
    [InlineData("https://example.com/base", "...", "../../x", "https://example.com/base/v3/conversations/.../activities/..%2F..%2Fx")]
    public void Route_KeepsServiceUrlPathAndEscapesIds(string serviceUrl, string conversationId, string? replyToId, string expected)
    {
        var reply = new Activity { Conversation = new ConversationAccount { Id = conversationId }, ReplyToId = replyToId };

        Assert.Equal(expected, ConnectorClient.Route(serviceUrl, reply).AbsoluteUri);
    }

    [Theory]
    [InlineData("..", "..")] // posted to {serviceUrl}/v3/
    [InlineData(".", null)]
    [InlineData("c1", "..")]
    public void Route_DotSegmentId_IsRefused(string conversationId, string? replyToId)
    {
        var reply = new Activity { Conversation = new ConversationAccount { Id = conversationId }, ReplyToId = replyToId };

        Assert.Throws<ArgumentException>(() => ConnectorClient.Route("http://127.0.0.1:4001/svc/", reply));
    }
}
