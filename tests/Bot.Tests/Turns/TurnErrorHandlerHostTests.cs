using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Operations;
using CareerBot.Bot.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CareerBot.Bot.Tests.Turns;

/// <summary>
/// A turn that throws, as the SDK's <c>OnTurnError</c> handles it: 200, a short apology in the
/// conversation, the error as a trace on the Emulator only, event 2005 and the error counter —
/// and the next question is answered as usual.
/// </summary>
public sealed class TurnErrorHandlerHostTests
{
    private const string Apology = "Sorry, something went wrong on my side. Please try again.";

    [Fact]
    public async Task Message_TurnThrowsOnTheEmulator_Answers200WithTheApologyAndAnErrorTrace_ThenAnswersAgain()
    {
        var turnLog = FailingOnce();
        using var factory = new BotFactory(services: services => services.AddSingleton(turnLog.Object));
        using var capture = new TelemetryCapture(factory.Services);
        var client = factory.CreateClient();

        var failed = await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?"));

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var replies = (await failed.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        var apology = replies[^2]!;
        Assert.Equal("message", (string?)apology["type"]);
        Assert.Equal(Apology, (string?)apology["text"]);
        var trace = replies[^1]!;
        Assert.Equal("trace", (string?)trace["type"]);
        Assert.Equal("OnTurnError Trace", (string?)trace["name"]);
        Assert.Equal("TurnError", (string?)trace["label"]);
        Assert.Equal("https://www.botframework.com/schemas/error", (string?)trace["valueType"]);
        Assert.Equal("InvalidOperationException: the turn log is full", (string?)trace["value"]);
        var logged = Assert.Single(factory.Logs.Events, e => e.EventId == 2005);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, logged.Level);
        Assert.Equal("A turn failed on emulator (message); the user was sent an apology", logged.Message);
        var counted = Assert.Single(capture.Of("careerbot.turn_errors"));
        Assert.Equal("emulator", counted.Tags["channel"]);

        var next = await client.PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", id: "act-2"));
        var nextReplies = (await next.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        Assert.True((bool)nextReplies[1]!["value"]!["answered"]!);
        Assert.DoesNotContain(nextReplies, r => (string?)r!["text"] == Apology);
        turnLog.Verify(l => l.Record(It.Is<TurnRecord>(r => r.ChannelId == "emulator" && r.Answered)), Times.Exactly(2));
    }

    [Fact]
    public async Task Message_TurnThrowsOnTeams_GetsTheApologyWithoutATrace()
    {
        var turnLog = FailingOnce();
        using var factory = new BotFactory(services: services => services.AddSingleton(turnLog.Object));

        var failed = await factory.CreateClient().PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", channelId: "msteams"));

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var replies = (await failed.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        Assert.Equal(Apology, (string?)replies[^1]!["text"]);
        Assert.DoesNotContain(replies, r => (string?)r!["type"] == "trace");
    }

    /// <summary>A turn log whose first write throws, as a broken store would; later writes pass.</summary>
    private static Mock<ITurnLog> FailingOnce()
    {
        var turnLog = new Mock<ITurnLog>();
        turnLog.SetupSequence(l => l.Record(It.IsAny<TurnRecord>()))
            .Throws(new InvalidOperationException("the turn log is full"))
            .Pass();
        return turnLog;
    }
}
