using System.Net;
using System.Net.Http.Json;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Channels.Slack;
using CareerBot.Bot.Channels.WebChat;
using Microsoft.Extensions.DependencyInjection;

namespace CareerBot.Bot.Tests;

/// <summary>Every named outbound client answers a redirect with the 3xx itself: nothing it sends reaches the Location.</summary>
public sealed class OutboundClientTests
{
    [Theory]
    [InlineData(ConnectorClient.HttpClientName)]
    [InlineData(BotFrameworkAuthenticator.HttpClientName)]
    [InlineData(MsalConnectorTokenProvider.HttpClientName)]
    [InlineData(SlackApiClient.HttpClientName)]
    [InlineData(WebChatTokenEndpoint.AzureClientName)]
    public async Task NamedClient_Answered307_DoesNotFollowIt(string name)
    {
        await using var target = await FakeChannelServer.StartAsync();
        await using var redirecting = await FakeChannelServer.StartAsync();
        redirecting.RedirectTo = target.ServiceUrl;
        using var bot = new BotFactory();
        var client = bot.Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

        using var response = await client.PostAsJsonAsync(redirecting.ServiceUrl + "v3/conversations/c-1/activities", new { type = "message", text = "secret-bearing call" });

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(1, redirecting.Redirected);
        Assert.Empty(target.Received);
    }
}
