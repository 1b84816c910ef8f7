using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

/// <summary>A channel whose Connector API hangs must not hold up conversations on other channels.</summary>
public sealed class DeadChannelTests
{
    [Fact]
    public async Task Reply_ToAHangingChannel_DoesNotBlockAnotherConversation()
    {
        // A "channel" that accepts connections and never answers.
        using var dead = new TcpListener(IPAddress.Loopback, 0);
        dead.Start();
        var held = new System.Collections.Concurrent.ConcurrentQueue<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                held.Enqueue(await dead.AcceptTcpClientAsync());
            }
        });
        await using var healthy = await FakeChannelServer.StartAsync();
        using var factory = new BotFactory(new() { ["Bot:ConnectorTimeout"] = "00:00:20", ["Bot:ConnectorRetries"] = "0" });
        var client = factory.CreateClient();

        var toDead = client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", conversationId: "c-dead", serviceUrl: $"http://127.0.0.1:{((IPEndPoint)dead.LocalEndpoint).Port}/", expectReplies: false));
        await Poll.UntilAsync(() => !held.IsEmpty, TimeSpan.FromSeconds(30), "the bot to reach the dead channel");
        var toHealthy = await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", conversationId: "c-alive", serviceUrl: healthy.ServiceUrl, expectReplies: false));
        var delivered = await healthy.WaitForAsync(1);

        Assert.Equal(HttpStatusCode.OK, toHealthy.StatusCode);
        Assert.Equal("c-alive", (string?)delivered[0]["conversation"]!["id"]);
        Assert.False(toDead.IsCompleted, "the dead channel's turn is still waiting for its reply to be accepted");
        dead.Stop();
        foreach (var connection in held)
        {
            connection.Dispose();
        }

        Assert.Equal(HttpStatusCode.OK, (await toDead).StatusCode); // dropped with a log line, not an error for the channel
        _ = accepting.Exception;
    }
}
