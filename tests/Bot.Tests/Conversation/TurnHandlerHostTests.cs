using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace CareerBot.Bot.Tests.Conversation;

public sealed class TurnHandlerHostTests : IDisposable
{
    private readonly BotFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<JsonArray> SendAsync(JsonObject activity)
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["activities"]!.AsArray();
    }

    private static JsonObject ConversationUpdate(string conversationId, params string[] memberIds)
    {
        var activity = Activities.Message(string.Empty, conversationId: conversationId);
        activity["type"] = "conversationUpdate";
        activity.Remove("text");
        activity["membersAdded"] = new JsonArray(memberIds.Select(id => (JsonNode)new JsonObject { ["id"] = id }).ToArray());
        return activity;
    }

    [Fact]
    public async Task ConversationUpdate_MembersAdded_WelcomesOncePerConversation()
    {
        var first = await SendAsync(ConversationUpdate("c-welcome", "user-1", "bot-1"));
        var second = await SendAsync(ConversationUpdate("c-welcome", "user-2"));
        var botOnly = await SendAsync(ConversationUpdate("c-other", "bot-1"));

        Assert.Single(first);
        Assert.StartsWith("Hello! I'm CareerBot.", (string?)first[0]!["text"] ?? ContentText(first[0]!), StringComparison.Ordinal);
        Assert.Empty(second);
        Assert.Empty(botOnly);
    }

    [Fact]
    public async Task Message_FollowUp_UsesTheConversationsContext()
    {
        await SendAsync(Activities.Message("How much do junior engineers earn?", conversationId: "c-follow"));

        var replies = await SendAsync(Activities.Message("what about senior ones?", conversationId: "c-follow", id: "act-2"));

        var trace = replies.Single(a => (string?)a!["type"] == "trace")!;
        Assert.Equal("guide-a#salary-by-level", (string?)trace["value"]!["citations"]![0]!["passageId"]);
        Assert.Contains("Senior engineers earn about $160,000 a year.", (string?)replies[0]!["text"] ?? replies[0]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_Reset_ForgetsTheContext()
    {
        await SendAsync(Activities.Message("How much do junior engineers earn?", conversationId: "c-reset"));

        var reset = await SendAsync(Activities.Message("reset", conversationId: "c-reset", id: "act-2"));

        Assert.Equal("Okay, let's start over. What would you like to know?", (string?)reset[0]!["text"]);
        var state = await _factory.Services.GetRequiredService<ConversationStateStore>().ReadAsync("emulator", "c-reset", CancellationToken.None);
        Assert.Null(state.Context);
    }

    [Fact]
    public async Task MessageReaction_Like_StoresFeedbackWithTheAnswersPassages()
    {
        await SendAsync(Activities.Message("Do I need a PhD?", conversationId: "c-react"));
        var reaction = Activities.Message(string.Empty, conversationId: "c-react", id: "act-3");
        reaction["type"] = "messageReaction";
        reaction["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });

        var replies = await SendAsync(reaction);

        Assert.Empty(replies);
        var stored = await _factory.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(CancellationToken.None);
        var feedback = Assert.Single(stored);
        Assert.True(feedback.Helpful);
        Assert.Equal("education", feedback.Intent);
        Assert.Equal(["guide-a#do-i-need-a-phd", "guide-b#required-education"], feedback.PassageIds);
    }

    [Fact]
    public async Task Invoke_TeamsFeedback_Returns200WithEmptyBodyAndStoresIt()
    {
        await SendAsync(Activities.Message("Do I need a PhD?", conversationId: "c-invoke"));
        var invoke = Activities.Message(string.Empty, conversationId: "c-invoke", id: "act-4");
        invoke["type"] = "invoke";
        invoke["name"] = "message/submitAction";
        invoke["value"] = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = "dislike", ["feedback"] = "{\"feedbackText\":\"too short\"}" },
        };
        invoke.Remove("deliveryMode");

        var response = await _factory.CreateClient().PostAsJsonAsync("/api/messages", invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var feedback = Assert.Single(await _factory.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(CancellationToken.None));
        Assert.False(feedback.Helpful);
        Assert.Equal("too short", feedback.Comment);
    }

    [Fact]
    public async Task Invoke_AdaptiveCardAction_AnswersWithAMessageAndStoresFeedback()
    {
        await SendAsync(Activities.Message("Do I need a PhD?", conversationId: "c-execute"));
        var invoke = Activities.Message(string.Empty, conversationId: "c-execute", id: "act-5");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["data"] = new JsonObject { ["action"] = "feedback", ["helpful"] = true } } };
        invoke.Remove("deliveryMode");

        var response = await _factory.CreateClient().PostAsJsonAsync("/api/messages", invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("{\"statusCode\":200,\"type\":\"application/vnd.microsoft.activity.message\",\"value\":\"Thanks for your feedback!\"}", body!.ToJsonString());
        var feedback = Assert.Single(await _factory.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(CancellationToken.None));
        Assert.True(feedback.Helpful);
    }

    [Fact]
    public async Task Message_CardSubmitFeedback_IsStoredAndThanked()
    {
        await SendAsync(Activities.Message("Do I need a PhD?", conversationId: "c-submit"));
        var submit = Activities.Message(string.Empty, conversationId: "c-submit", id: "act-6");
        submit.Remove("text");
        submit["value"] = new JsonObject { ["action"] = "feedback", ["helpful"] = false };

        var replies = await SendAsync(submit);

        Assert.Equal("Thanks for your feedback!", (string?)replies.Single()!["text"]);
        var feedback = Assert.Single(await _factory.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(CancellationToken.None));
        Assert.False(feedback.Helpful);
        Assert.Equal(["guide-a#do-i-need-a-phd", "guide-b#required-education"], feedback.PassageIds);
    }

    [Fact]
    public async Task WebChatVote_Event_IsStoredAsFeedback()
    {
        await SendAsync(Activities.Message("Do I need a PhD?", channelId: "webchat", conversationId: "c-vote"));
        var vote = Activities.Message(string.Empty, channelId: "webchat", conversationId: "c-vote", id: "act-7");
        vote["type"] = "event";
        vote["name"] = "webchat:activity-status/feedback";
        vote["entities"] = new JsonArray(new JsonObject { ["@type"] = "DislikeAction", ["actionStatus"] = "CompletedActionStatus" });

        Assert.Empty(await SendAsync(vote));

        var feedback = Assert.Single(await _factory.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(CancellationToken.None));
        Assert.False(feedback.Helpful);
        Assert.Equal("webchat", feedback.ChannelId);
    }

    [Fact]
    public async Task EndOfConversation_ForgetsTheState()
    {
        await SendAsync(Activities.Message("How much do junior engineers earn?", conversationId: "c-end"));
        var end = Activities.Message(string.Empty, conversationId: "c-end", id: "act-8");
        end["type"] = "endOfConversation";

        Assert.Empty(await SendAsync(end));

        var state = await _factory.Services.GetRequiredService<ConversationStateStore>().ReadAsync("emulator", "c-end", CancellationToken.None);
        Assert.Null(state.Context);
        Assert.Equal(0, state.Turns);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("installationUpdate")]
    [InlineData("somethingNew")]
    public async Task OtherActivityTypes_Are200AndIgnored(string type)
    {
        var activity = Activities.Message(string.Empty, conversationId: "c-" + type);
        activity["type"] = type;

        var replies = await SendAsync(activity);

        Assert.Empty(replies);
    }

    [Fact]
    public async Task Message_UnknownFields_AreAccepted()
    {
        var activity = Activities.Message("hello", conversationId: "c-unknown");
        activity["someFutureField"] = new JsonObject { ["nested"] = true };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "t-1" } };

        var replies = await SendAsync(activity);

        Assert.NotEmpty(replies);
    }

    private static string ContentText(JsonNode activity) =>
        activity["attachments"]?[0]?["content"]?.ToJsonString() ?? string.Empty;
}
