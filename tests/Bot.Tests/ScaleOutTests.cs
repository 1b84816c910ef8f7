using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Cli;
using CareerBot.Bot.Operations;
using CareerBot.Bot.Tests.State;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareerBot.Bot.Tests;

/// <summary>
/// More than one instance (<c>Hosting:Instances</c>): start-up refuses what would keep something in
/// one instance only, and the path it accepts — Azure's Direct Line in front, state in blobs, records
/// in tables — answers a conversation spread round-robin over two instances.
/// </summary>
public sealed class ScaleOutTests
{
    [Fact]
    public void StartUp_SeveralInstancesWithOneInstanceSettings_IsRefusedNamingEachSetting()
    {
        var failure = StartupValidation.Failure(new() { ["Hosting:Instances"] = "2", ["DirectLine:Secret"] = "embedded-secret" });

        Assert.Equal(
            [
                "Hosting:Instances: is 2, but State:BlobConnectionString is empty: conversation state would stay in each instance's memory and follow-ups reaching another instance would lose their context",
                "Hosting:Instances: is 2, but Operations:TablesConnectionString is empty: feedback and turn records would go to each instance's own SQLite files and report would see only part of them",
                "Hosting:Instances: is 2, but DirectLine:AzureSecret is empty: the careers page would use the embedded Direct Line, which keeps conversations, feeds and streams in one instance's memory (set DirectLine:AzureSecret to use Azure's Direct Line)",
                "Hosting:Instances: is 2, but DirectLine:Secret is set: it opens the embedded Direct Line, which keeps conversations in one instance's memory (leave it empty and use Azure's Direct Line)",
            ],
            ServeCommand.Describe(failure));
    }

    [Fact]
    public async Task TwoInstances_BehindARoundRobinBalancer_DeliverEveryReplyOnceInOrder()
    {
        await using var azurite = await AzuriteServer.StartWithTablesAsync();
        await using var channel = await FakeChannelServer.StartAsync();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        Dictionary<string, string?> Settings() => new()
        {
            ["Hosting:Instances"] = "2",
            ["State:BlobConnectionString"] = azurite.ConnectionString,
            ["State:BlobContainer"] = "state-" + suffix,
            ["Operations:TablesConnectionString"] = azurite.ConnectionString,
            ["Operations:TurnsTable"] = "turns" + suffix,
            ["Operations:FeedbackTable"] = "votes" + suffix,
            ["DirectLine:AzureSecret"] = "azure-direct-line-secret",
        };
        using var a = new BotFactory(Settings());
        using var b = new BotFactory(Settings());
        var roundRobin = new RoundRobin(a.Server, b.Server);
        using var balancer = new HttpClient(roundRobin) { BaseAddress = new Uri("http://localhost/") };
        string[] questions = ["Do I need a PhD?", "How much do junior engineers earn?", "what about senior ones?", "What is the weather in Seattle?", "thanks"];

        // As Azure's Direct Line posts a conversation's activities: one at a time, each to whichever instance the balancer picks.
        for (var i = 0; i < questions.Length; i++)
        {
            var activity = Activities.Message(questions[i], channelId: "directline", conversationId: "dl-conv", serviceUrl: channel.ServiceUrl, expectReplies: false, id: $"m-{i}");
            var response = await balancer.PostAsJsonAsync("api/messages", activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var replies = channel.Received.Select(r => r.Activity).Where(r => (string?)r["type"] == "message").ToList();
        Assert.Equal(["m-0", "m-1", "m-2", "m-3", "m-4"], replies.Select(r => (string?)r["replyToId"]));
        Assert.Contains("Senior engineers earn about $160,000 a year.", replies[2].ToJsonString(), StringComparison.Ordinal);
        Assert.Equal([3, 2], roundRobin.Served);
        var turns = a.Services.GetRequiredService<ITurnLog>();
        await Poll.UntilAsync(() => turns.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None).Result.Count == questions.Length, TimeSpan.FromSeconds(30), "every turn's record in the shared table");
    }

    /// <summary>A load balancer without affinity: each request goes to the next instance in turn.</summary>
    private sealed class RoundRobin(params TestServer[] instances) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker[] _instances = [.. instances.Select(i => new HttpMessageInvoker(i.CreateHandler()))];
        private int _next = -1;

        public int[] Served { get; } = new int[instances.Length];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)_instances.Length);
            Interlocked.Increment(ref Served[index]);
            return _instances[index].SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var instance in _instances)
                {
                    instance.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }
}
