using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using CareerBot.Bot.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace CareerBot.Bot.Tests.Channels.Teams;

/// <summary>
/// Payloads shaped as Teams sends them (Fixtures/*.json: a personal chat message, a channel
/// message that @mentions the bot, a feedback invoke and the install conversationUpdate),
/// posted to /api/messages with deliveryMode expectReplies so that the replies come back in
/// the response body, and the replies compared whole.
/// </summary>
public sealed class TeamsPayloadHostTests : IDisposable
{
    private const string PhdAnswer =
        "A PhD is not required for most machine learning engineer jobs. A bachelor's degree and a strong portfolio are enough for many employers. [1]"
        + "<br><br>Employers expect a Master's or PhD in computer science or a related field. [2]";

    /// <summary>
    /// The one root schema.org entity Teams reads citations from; positions are the [n] markers, and
    /// name and abstract are Markdown-escaped like the answer text (the section path's "&gt;" too).
    /// </summary>
    private const string PhdCitations = """
        [{
          "type": "https://schema.org/Message", "@type": "Message", "@context": "https://schema.org",
          "citation": [
            { "@type": "Claim", "position": 1, "appearance": { "@type": "DigitalDocument", "name": "Guide A",
              "abstract": "Frequently asked questions \\> Do I need a PhD?: A PhD is not required for most machine learning engineer jobs. A bachelor's degree and a strong portfolio are…" } },
            { "@type": "Claim", "position": 2, "appearance": { "@type": "DigitalDocument", "name": "Guide B",
              "abstract": "Required education: Employers expect a Master's or PhD in computer science or a related field." } }
          ]
        }]
        """;

    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 1, 12, TimeSpan.Zero);
    private readonly BotFactory _factory = new(services: s => s.AddSingleton<TimeProvider>(new ManualTimeProvider(Now)));

    public void Dispose() => _factory.Dispose();

    private static JsonObject Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Teams", "Fixtures", name + ".json")))!.AsObject();

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        return await _factory.CreateClient().PostAsJsonAsync("/api/messages", activity);
    }

    private async Task<JsonArray> RepliesAsync(string fixture)
    {
        var response = await PostAsync(Fixture(fixture));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["activities"]!.AsArray();
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual {actual?.ToJsonString()}");

    [Fact]
    public async Task PersonalMessage_IsAnsweredWithNumberedCitationsAndTheFeedbackLoop()
    {
        var reply = Assert.Single(await RepliesAsync("personal-message"))!;

        AssertJson($$"""
            {
              "type": "message",
              "channelId": "msteams",
              "from": { "id": "28:9d4b3c8e-6f2a-4b1d-8c7e-2a5f1e0b9c3d", "name": "CareerBot" },
              "recipient": { "id": "29:1kMLTpQqGOtBszNqRsbaxMbcE8GxJv3PZgPpYfHfNWNWeSy2cNCg7t7nTQqDx0o5-AmwUg7AvqlnxV3WXZvp8Xg", "name": "Megan Bowen", "aadObjectId": "6e6d9a2b-3c41-4f5e-8a7d-2b9c0e1f4a35" },
              "conversation": { "id": "a:1vXqHk3Yb9gT2L0pR8sW6nJ4cF7mD5eA1zQ3uI9oK2xV8bN6yM4tG0hS7wE5rP3jL1fC9dB2aZ8q", "conversationType": "personal", "tenantId": "b3f0c2d4-7a8e-4f19-9c6b-5d2e1a0f8c47" },
              "replyToId": "1795341600563",
              "locale": "en-US",
              "text": {{JsonValue.Create(PhdAnswer).ToJsonString()}},
              "textFormat": "markdown",
              "suggestedActions": { "actions": [
                { "type": "imBack", "title": "How is the role different from a data scientist?", "value": "How is the role different from a data scientist?" }
              ] },
              "entities": {{PhdCitations}},
              "channelData": { "feedbackLoop": { "type": "default" } }
            }
            """, reply);
        var markers = Regex.Matches(PhdAnswer, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(markers, reply["entities"]![0]!["citation"]!.AsArray().Select(c => (int)c!["position"]!));
    }

    [Fact]
    public async Task ChannelMention_IsAnsweredInTheThread_WithTheMentionStripped()
    {
        var reply = Assert.Single(await RepliesAsync("channel-mention"))!;

        Assert.Equal(PhdAnswer, (string?)reply["text"]);
        AssertJson(PhdCitations, reply["entities"]);
        AssertJson("""{ "feedbackLoop": { "type": "default" } }""", reply["channelData"]);
        Assert.Null(reply["suggestedActions"]); // Teams shows none in channels; the playground shows "Invalid message"
        AssertJson("""
            { "id": "19:4f7b2c9e1d3a4e6b8c0d2f4a6b8c0e1f@thread.tacv2;messageid=1795341900456", "isGroup": true, "conversationType": "channel", "tenantId": "b3f0c2d4-7a8e-4f19-9c6b-5d2e1a0f8c47" }
            """, reply["conversation"]);
        Assert.Equal("1795341900456", (string?)reply["replyToId"]);
        Assert.Equal("28:9d4b3c8e-6f2a-4b1d-8c7e-2a5f1e0b9c3d", (string?)reply["from"]!["id"]);
        Assert.Equal("29:1Zr5aQGSuDcFhTQ1aUJo4WeEZ5bHdKmK9GqkEX9NaYzvX8sU4n0hT2bYcRmwPjL7fXqD3lN6eVt1Oc8iWs", (string?)reply["recipient"]!["id"]);
    }

    [Fact]
    public async Task FeedbackInvoke_AfterAnAnswer_Is200WithAnEmptyBody_AndIsRecorded()
    {
        await RepliesAsync("personal-message");

        var response = await PostAsync(Fixture("feedback-invoke"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var feedback = Assert.Single(await _factory.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(CancellationToken.None));
        Assert.Equal(
            new Feedback(Now, "msteams", true, "education", feedback.PassageIds, Comment: null, feedback.Vote, feedback.AnswerId), // the comment is user text: kept only with transcripts on
            feedback);
        Assert.Matches("^[0-9a-f]{16}$", feedback.AnswerId); // the id of the answer voted on, as its turn record has it
        Assert.Matches("^[0-9a-f]{32}$", feedback.Vote);
        Assert.Equal(["guide-a#do-i-need-a-phd", "guide-b#required-education"], feedback.PassageIds);
    }

    [Fact]
    public async Task InstallConversationUpdate_WelcomesOnce_EvenWhenTeamsSendsItAgain()
    {
        var first = await RepliesAsync("install-conversation-update");
        var again = await RepliesAsync("install-conversation-update");
        var answer = await RepliesAsync("personal-message");

        AssertJson("""
            [{
              "type": "message",
              "channelId": "msteams",
              "from": { "id": "28:9d4b3c8e-6f2a-4b1d-8c7e-2a5f1e0b9c3d", "name": "CareerBot" },
              "recipient": { "id": "29:1kMLTpQqGOtBszNqRsbaxMbcE8GxJv3PZgPpYfHfNWNWeSy2cNCg7t7nTQqDx0o5-AmwUg7AvqlnxV3WXZvp8Xg", "aadObjectId": "6e6d9a2b-3c41-4f5e-8a7d-2b9c0e1f4a35" },
              "conversation": { "id": "a:1vXqHk3Yb9gT2L0pR8sW6nJ4cF7mD5eA1zQ3uI9oK2xV8bN6yM4tG0hS7wE5rP3jL1fC9dB2aZ8q", "conversationType": "personal", "tenantId": "b3f0c2d4-7a8e-4f19-9c6b-5d2e1a0f8c47" },
              "replyToId": "f:5f85c2ad-7d3e-4b21-9a6c-0e8f1b2d3c4a",
              "text": "Hello! I'm CareerBot. Ask me about becoming and working as a machine learning engineer, and I'll answer from career guides, citing each one.",
              "textFormat": "markdown",
              "suggestedActions": { "actions": [
                { "type": "imBack", "title": "Do I need a PhD?", "value": "Do I need a PhD?" },
                { "type": "imBack", "title": "How is the role different from a data scientist?", "value": "How is the role different from a data scientist?" }
              ] }
            }]
            """, first);
        Assert.Empty(again);
        Assert.Equal(PhdAnswer, (string?)Assert.Single(answer)!["text"]);
    }
}
