using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using CareerBot.Bot.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CareerBot.Bot.Tests;

/// <summary>Abuse and overload through the real endpoint: per-user throttling, load shedding, activity limits.</summary>
public sealed class LimitsHostTests
{
    [Fact]
    public async Task Messages_FasterThanTheThrottle_GetOnePoliteReplyThenNothing()
    {
        using var factory = new BotFactory(new() { ["Bot:MessageBurst"] = "2", ["Bot:MessagesPerMinute"] = "1" });
        var client = factory.CreateClient();

        var replies = new List<JsonArray>();
        for (var i = 0; i < 4; i++)
        {
            replies.Add(await SendAsync(client, Activities.Message("Do I need a PhD?", conversationId: "c-throttle", id: $"a{i}")));
        }

        var otherUser = Activities.Message("Do I need a PhD?", conversationId: "c-other-user");
        otherUser["from"] = new JsonObject { ["id"] = "someone-else" };
        var other = await SendAsync(client, otherUser);

        Assert.NotEqual(TurnCore.SlowDown, (string?)replies[0][0]!["text"]);
        Assert.NotEqual(TurnCore.SlowDown, (string?)replies[1][0]!["text"]);
        Assert.Equal(TurnCore.SlowDown, (string?)Assert.Single(replies[2])!["text"]);
        Assert.Empty(replies[3]);
        Assert.NotEmpty(other);
        Assert.Contains(factory.Logs.Events, e => e.EventId == 2004);
    }

    [Fact]
    public async Task Turns_BeyondTheConcurrencyLimit_Get503WithRetryAfter()
    {
        var storage = new BlockingStorage();
        using var factory = new BotFactory(
            new() { ["Bot:MaxConcurrentTurns"] = "1", ["State:Timeout"] = "00:01:00" },
            services => services.AddSingleton<IStateStorage>(storage));
        var client = factory.CreateClient();

        var first = SendRawAsync(client, Activities.Message("Do I need a PhD?", conversationId: "c-slow"));
        await Poll.UntilAsync(() => storage.Waiting > 0, TimeSpan.FromSeconds(30), "the first turn to reach storage");
        var shed = await SendRawAsync(client, Activities.Message("Do I need a PhD?", conversationId: "c-shed"));
        storage.Release();
        var done = await first;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, shed.StatusCode);
        Assert.Equal("1", shed.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendRawAsync(client, Activities.Message("Do I need a PhD?", conversationId: "c-after"))).StatusCode);
    }

    [Fact]
    public async Task DirectLineReconnect_WhileEverySlotIsTaken_IsAnsweredWithoutOne()
    {
        // POST /conversations for a conversation already started runs no turn; it took a turn slot
        // all the same, and got 503 while the turns were busy.
        var storage = new BlockingStorage();
        using var factory = new BotFactory(
            new() { ["Bot:MaxConcurrentTurns"] = "1", ["State:Timeout"] = "00:01:00" },
            services => services.AddSingleton<IStateStorage>(storage));
        var client = factory.CreateClient();
        var started = factory.Services.GetRequiredService<CareerBot.Bot.Channels.DirectLine.DirectLineConversations>()
            .Create("webchat", new ChannelAccount { Id = "dl_reconnecting", Role = "user" })!;
        started.Start();
        var token = factory.Services.GetRequiredService<CareerBot.Bot.Channels.DirectLine.DirectLineTokens>().Issue(started.Id, "dl_reconnecting");

        var busy = SendRawAsync(client, Activities.Message("Do I need a PhD?", conversationId: "c-busy"));
        await Poll.UntilAsync(() => storage.Waiting > 0, TimeSpan.FromSeconds(30), "a turn to hold the only slot");
        using var reconnect = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        reconnect.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(reconnect);
        storage.Release();
        await busy;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SlowBodies_WithoutCredentials_DoNotTakeTheTurnSlots()
    {
        // The slots were taken before the body was read and the token checked: requests sending their
        // bodies a few bytes a second held all of them, and every visitor got 503.
        var entered = new RequestsEntered();
        await using var factory = new BotFactory(
            new() { ["Bot:MaxConcurrentTurns"] = "2" },
            services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(entered));
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single());
        using var client = new HttpClient { BaseAddress = address };
        var stalled = new List<System.Net.Sockets.TcpClient>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var socket = new System.Net.Sockets.TcpClient();
                stalled.Add(socket);
                await socket.ConnectAsync(IPAddress.Loopback, address.Port);
                var head = $"POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n\r\n{{";
                await socket.GetStream().WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
            }

            await Poll.UntilAsync(() => entered.Count >= 4, TimeSpan.FromSeconds(30), "the stalled requests to reach the app");

            var response = await SendRawAsync(client, Activities.Message("Do I need a PhD?", conversationId: "c-while-stalled"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            stalled.ForEach(s => s.Dispose());
        }
    }

    /// <summary>Counts the requests that reached the app's pipeline, ahead of every middleware of the bot's own.</summary>
    private sealed class RequestsEntered : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                Interlocked.Increment(ref _count);
                return following(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task Shutdown_WithATurnInFlight_FinishesItAndDeliversTheReply()
    {
        var storage = new BlockingStorage();
        var factory = new BotFactory(new() { ["State:Timeout"] = "00:01:00" }, services => services.AddSingleton<IStateStorage>(storage));
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var inFlight = SendRawAsync(client, Activities.Message("Do I need a PhD?", conversationId: "c-shutdown"));
        await Poll.UntilAsync(() => storage.Waiting > 0, TimeSpan.FromSeconds(30), "the turn to be in flight");
        var stopping = factory.DisposeAsync().AsTask();
        await Poll.UntilAsync(() => factory.Services is null || IsStopping(factory), TimeSpan.FromSeconds(30), "the host to begin stopping");
        storage.Release();
        var response = await inFlight;
        await stopping;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        Assert.True((bool)replies[1]!["value"]!["answered"]!);
    }

    private static bool IsStopping(BotFactory factory)
    {
        try
        {
            return factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }

    [Theory]
    [InlineData(2, HttpStatusCode.OK)]
    [InlineData(3, HttpStatusCode.BadRequest)]
    public async Task Attachments_AtAndOverTheLimit_AreAcceptedThenRefused(int count, HttpStatusCode expected)
    {
        using var factory = new BotFactory(new() { ["Bot:MaxAttachments"] = "2" });
        var activity = Activities.Message("Do I need a PhD?");
        activity["attachments"] = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["contentType"] = "text/plain", ["content"] = $"note {i}" }).ToArray());

        var response = await SendRawAsync(factory.CreateClient(), activity);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(9, HttpStatusCode.OK)]
    [InlineData(10, HttpStatusCode.BadRequest)]
    public async Task JsonDepth_AtAndOverTheLimit_IsAcceptedThenRefused(int valueDepth, HttpStatusCode expected)
    {
        using var factory = new BotFactory(new() { ["Bot:MaxJsonDepth"] = "10" });
        var activity = Activities.Message("Do I need a PhD?");
        JsonNode value = "leaf";
        for (var i = 0; i < valueDepth; i++)
        {
            value = new JsonObject { ["x"] = value };
        }

        activity["value"] = value; // the activity object itself is one level more

        var response = await SendRawAsync(factory.CreateClient(), activity);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task LongText_IsReadUpToTheLimit_NotRefused()
    {
        using var factory = new BotFactory(new() { ["Bot:MaxTextLength"] = "16", ["Transcripts:Enabled"] = "true" });
        var text = "Do I need a PhD? " + new string('x', 5000);

        var replies = await SendAsync(factory.CreateClient(), Activities.Message(text));

        Assert.NotEmpty(replies);
        var log = factory.Services.GetRequiredService<CareerBot.Bot.Operations.ITurnLog>();
        IReadOnlyList<CareerBot.Bot.Operations.TurnRecord> records = [];
        await Poll.UntilAsync(() => (records = log.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None).Result).Count == 1, TimeSpan.FromSeconds(30), "the turn record");
        Assert.Equal("Do I need a PhD?", records[0].Question);
        Assert.True(records[0].Answered);
    }

    private static async Task<JsonArray> SendAsync(HttpClient client, JsonObject activity)
    {
        var response = await SendRawAsync(client, activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
    }

    private static Task<HttpResponseMessage> SendRawAsync(HttpClient client, JsonObject activity) =>
        client.PostAsJsonAsync("/api/messages", activity);

    /// <summary>State storage whose reads wait until the test releases them.</summary>
    private sealed class BlockingStorage : WrappedMemoryStorage
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;

        public int Waiting => Volatile.Read(ref _waiting);

        public void Release() => _gate.TrySetResult();

        public override async Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waiting);
            await _gate.Task.WaitAsync(cancellationToken);
            return await base.ReadAsync(key, cancellationToken);
        }
    }
}
