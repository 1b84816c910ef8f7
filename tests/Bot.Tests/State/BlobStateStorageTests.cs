using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using CareerBot.Bot.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Tests.State;

/// <summary>Shared state through Azure Blob Storage, against a real Azurite on loopback.</summary>
public sealed class BlobStateStorageTests : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;
    private readonly string _container = "state-" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync() => _azurite = await AzuriteServer.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    private BlobStateStorage Storage() => new(new BlobContainerClient(_azurite.ConnectionString, _container));

    private Dictionary<string, string?> Settings() => new()
    {
        ["State:BlobConnectionString"] = _azurite.ConnectionString,
        ["State:BlobContainer"] = _container,
        ["State:Timeout"] = "00:00:02",
    };

    [Fact]
    public async Task Write_StaleETag_Conflicts()
    {
        var storage = Storage();
        var first = await storage.WriteAsync("k", "{\"a\":1}", null, CancellationToken.None);
        await storage.WriteAsync("k", "{\"a\":2}", first, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync("k", "{\"a\":3}", first, CancellationToken.None));
        Assert.Equal("{\"a\":2}", (await storage.ReadAsync("k", CancellationToken.None))!.Json);
    }

    [Fact]
    public async Task ConcurrentUpdates_OneConversation_LoseNoUpdate()
    {
        var store = new ConversationStateStore(Storage(), Options.Create(new StateOptions { Timeout = TimeSpan.FromSeconds(10) }), TimeProvider.System, NullLogger<ConversationStateStore>.Instance);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(() => store.UpdateAsync("emulator", "busy", s => s with { Turns = s.Turns + 1 }, CancellationToken.None))));

        Assert.All(results, Assert.True);
        Assert.Equal(12, (await store.ReadAsync("emulator", "busy", CancellationToken.None)).Turns);
    }

    [Fact]
    public async Task TwoInstances_FollowUpOnTheOther_KeepsItsContext()
    {
        using var first = new BotFactory(Settings());
        using var second = new BotFactory(Settings());

        await Send(first, "How much do junior engineers earn?", "shared", "a-1");
        var replies = await Send(second, "what about senior ones?", "shared", "a-2");

        Assert.Contains("Senior engineers earn about $160,000 a year.", (string?)replies[0]!["text"] ?? replies[0]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageDown_BotStillAnswersAndLogs_ThenRecovers()
    {
        using var bot = new BotFactory(Settings());
        await Send(bot, "Do I need a PhD?", "warm-up", "w-1");
        await _azurite.StopAsync();

        var during = await Send(bot, "How much do junior engineers earn?", "outage", "o-1");

        Assert.Contains("Junior engineers earn about $100,000 a year.", (string?)during[0]!["text"] ?? during[0]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(bot.Logs.Events, e => e.EventId == 2100);

        await _azurite.StartAgainAsync();
        await Send(bot, "How much do junior engineers earn?", "after", "r-1");
        var followUp = await Send(bot, "what about senior ones?", "after", "r-2");

        Assert.Contains("Senior engineers earn about $160,000 a year.", (string?)followUp[0]!["text"] ?? followUp[0]!.ToJsonString(), StringComparison.Ordinal);
    }

    private static async Task<JsonArray> Send(BotFactory bot, string text, string conversationId, string id)
    {
        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", Activities.Message(text, conversationId: conversationId, id: id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
    }
}
