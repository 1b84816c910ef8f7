using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

/// <summary>The same question through /api/messages from each channel family, and the reply shape each gets.</summary>
public sealed class ChannelRenderingHostTests : IDisposable
{
    private readonly BotFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<JsonArray> AskAsync(string channelId, JsonObject? extra = null)
    {
        var activity = Activities.Message("Do I need a PhD?", channelId: channelId, conversationId: "render-" + channelId);
        foreach (var (key, value) in extra ?? [])
        {
            activity[key] = value?.DeepClone();
        }

        var response = await _factory.CreateClient().PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
    }

    [Fact]
    public async Task Emulator_GetsAnAdaptiveCardAndTheTrace()
    {
        var replies = await AskAsync("emulator");

        Assert.Equal(2, replies.Count);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)replies[0]!["attachments"]![0]!["contentType"]);
        Assert.Equal("trace", (string?)replies[1]!["type"]);
    }

    [Fact]
    public async Task Teams_GetsCitationsAndFeedbackLoop_WithTheMentionStripped()
    {
        var extra = new JsonObject
        {
            ["text"] = "<at>CareerBot</at> Do I need a PhD?",
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>CareerBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = "bot-1", ["name"] = "CareerBot" },
            }),
        };

        var reply = Assert.Single(await AskAsync("msteams", extra))!;

        Assert.StartsWith("A PhD is not required for most machine learning engineer jobs. A bachelor's degree and a strong portfolio are enough for many employers. [1]", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Equal("https://schema.org/Message", (string?)reply["entities"]![0]!["type"]);
        Assert.Equal(1, (int)reply["entities"]![0]!["citation"]![0]!["position"]!);
        Assert.Equal("default", (string?)reply["channelData"]!["feedbackLoop"]!["type"]);
        Assert.InRange(reply["suggestedActions"]!["actions"]!.AsArray().Count, 1, 3);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    public async Task WebChat_GetsCitationLinksAndVotes(string channel)
    {
        var reply = Assert.Single(await AskAsync(channel))!;

        Assert.Contains("\n[1]: cite:1 \"Guide A / Frequently asked questions / Do I need a PhD?\"", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Equal(string.Empty, (string?)reply["entities"]![0]!["@id"]);
        Assert.Equal("LikeAction", (string?)reply["entities"]![0]!["potentialAction"]![0]!["@type"]);
    }

    [Fact]
    public async Task Slack_GetsMrkdwnFootnotes()
    {
        var reply = Assert.Single(await AskAsync("slack"))!;

        Assert.Contains("\n\n[1] *Guide A*, Frequently asked questions &gt; Do I need a PhD?", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Null(reply["attachments"]);
    }

    [Fact]
    public async Task OtherChannel_GetsPlainTextFootnotes()
    {
        var reply = Assert.Single(await AskAsync("telegram"))!;

        Assert.Contains("\n\nSources:\n[1] Guide A, Frequently asked questions > Do I need a PhD?", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Equal("plain", (string?)reply["textFormat"]);
    }
}
