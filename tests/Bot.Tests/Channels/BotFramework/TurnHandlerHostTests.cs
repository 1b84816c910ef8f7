using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;
using CareerBot.Bot.Operations;
using Microsoft.Extensions.DependencyInjection;
using CareerBot.Bot.State;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

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

    /// <summary>Asks the PhD question in a conversation, then returns the next activity of <paramref name="type"/> to send there.</summary>
    private async Task<JsonObject> AfterAnswerAsync(string conversationId, string type, string channelId = "emulator")
    {
        await SendAsync(Activities.Message("Do I need a PhD?", channelId: channelId, conversationId: conversationId));
        var next = Activities.Message(string.Empty, channelId: channelId, conversationId: conversationId, id: conversationId + "-next");
        next["type"] = type;
        return next;
    }

    private Task<IReadOnlyList<Feedback>> StoredFeedbackAsync() =>
        _factory.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(CancellationToken.None);

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

    /// <summary>
    /// The turn's own clock decides whether a quoted year has passed: the same answer carries the
    /// dated-claim note in 2026 and none in 2023.
    /// </summary>
    [Theory]
    [InlineData(2026, true)]
    [InlineData(2023, false)]
    public async Task Message_QuoteAboutAYear_IsMarkedDatedOnlyOnceThatYearHasPassed(int year, bool marked)
    {
        using var kb = new CareerBot.Knowledge.Tests.TempKnowledgeBase(guideB: CareerBot.Knowledge.Tests.TempKnowledgeBase.GuideB.Replace(
            "Remote work is common, so engineers can live anywhere.", "Remote work is common, and remote jobs were forecast to double by 2024.", StringComparison.Ordinal));
        var clock = new ManualTimeProvider(new DateTimeOffset(year, 6, 1, 9, 0, 0, TimeSpan.Zero));
        using var bot = new BotFactory(new() { ["Knowledge:BasePath"] = kb.BasePath }, services => services.AddSingleton<TimeProvider>(clock));
        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", Activities.Message("is remote work common?", conversationId: "c-dated"));
        var replies = (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();

        var text = replies[0]!.ToJsonString();
        Assert.Contains("by 2024", text, StringComparison.Ordinal);
        Assert.Equal(marked, text.Contains("2024, a year that has passed", StringComparison.Ordinal));
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
    public async Task Message_SentBeforeThePreviousTurnEnded_IsAnsweredAfterIt_WithItsContext()
    {
        // A visitor who types the follow-up before the first answer is stored: the second turn must read
        // the state the first one writes, not the state from before it.
        var storage = new HeldWriteStorage();
        using var bot = new BotFactory(new() { ["State:Timeout"] = "00:01:00", ["Logging:LogLevel:CareerBot.Bot.Turns"] = "Debug" }, s => s.AddSingleton<IStateStorage>(storage));
        var client = bot.CreateClient();

        var first = client.PostAsJsonAsync("/api/messages", Activities.Message("How much do junior engineers earn?", conversationId: "c-overlap"));
        await Poll.UntilAsync(() => storage.Held == 1, TimeSpan.FromSeconds(30), "the first turn's state write");
        var second = client.PostAsJsonAsync("/api/messages", Activities.Message("tell me more", conversationId: "c-overlap", id: "act-2"));
        await Poll.UntilAsync(() => storage.Reads >= 2 || bot.Logs.Events.Any(e => e.EventId == 2007), TimeSpan.FromSeconds(30), "the second turn to arrive");
        storage.Release();

        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        var response = await second;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        var trace = replies.Single(a => (string?)a!["type"] == "trace")!;
        Assert.True((bool)trace["value"]!["answered"]!, replies.ToJsonString());
        Assert.Equal("guide-a#salary-by-level", (string?)trace["value"]!["citations"]![0]!["passageId"]);
        var state = await bot.Services.GetRequiredService<ConversationStateStore>().ReadAsync("emulator", "c-overlap", CancellationToken.None);
        Assert.Equal(2, state.Turns);
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
        var reaction = await AfterAnswerAsync("c-react", "messageReaction");
        reaction["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });

        var replies = await SendAsync(reaction);

        Assert.Empty(replies);
        var stored = await StoredFeedbackAsync();
        var feedback = Assert.Single(stored);
        Assert.True(feedback.Helpful);
        Assert.Equal("education", feedback.Intent);
        Assert.Equal(["guide-a#do-i-need-a-phd", "guide-b#required-education"], feedback.PassageIds);
    }

    [Fact]
    public async Task Message_BeforeTheKnowledgeBaseIsLoaded_WaitsForItAndIsAnswered()
    {
        _factory.CreateClient();
        var loadedElsewhere = _factory.Services.GetRequiredService<CareerBot.Knowledge.KnowledgeProvider>().Current;
        var starting = new CareerBot.Knowledge.KnowledgeProvider(); // not disposed: the snapshot belongs to the host's provider
        var handler = ActivatorUtilities.CreateInstance<TurnHandler>(_factory.Services, ActivatorUtilities.CreateInstance<TurnCore>(_factory.Services, starting));
        var reader = _factory.Services.GetRequiredService<CareerBot.Bot.Channels.BotFramework.ActivityReader>();
        var activity = reader.Read(System.Text.Encoding.UTF8.GetBytes(Activities.Message("Do I need a PhD?", channelId: "webchat", conversationId: "c-early").ToJsonString()))!;
        var sink = new BufferedReplySink();

        var handling = handler.HandleAsync(new Turn(activity, sink), CancellationToken.None);

        Assert.False(handling.IsCompleted);
        Assert.Empty(sink.Replies);
        starting.Swap(loadedElsewhere);
        await handling.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(sink.Replies, r => r.Text?.Contains("[1]: cite:1", StringComparison.Ordinal) == true); // the cited answer, not only a welcome
    }

    [Fact]
    public async Task Message_WhileTheKnowledgeBaseFailsToLoad_IsAnsweredAtOnceWithTheApology()
    {
        _factory.CreateClient();
        var starting = new CareerBot.Knowledge.KnowledgeProvider();
        var handler = ActivatorUtilities.CreateInstance<TurnHandler>(_factory.Services, ActivatorUtilities.CreateInstance<TurnCore>(_factory.Services, starting));
        var reader = _factory.Services.GetRequiredService<CareerBot.Bot.Channels.BotFramework.ActivityReader>();
        var activity = reader.Read(System.Text.Encoding.UTF8.GetBytes(Activities.Message("Do I need a PhD?", channelId: "webchat", conversationId: "c-failed-load").ToJsonString()))!;
        var sink = new BufferedReplySink();

        var handling = handler.HandleAsync(new Turn(activity, sink), CancellationToken.None);
        Assert.False(handling.IsCompleted);
        starting.LoadFailed(new CareerBot.Knowledge.KnowledgeBaseException("synonyms.txt", 3, "a synonym group needs at least two comma-separated terms"));

        Assert.Null(await handling.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal([TurnErrorHandler.Apology], sink.Replies.Select(r => r.Text));
        Assert.Equal("A turn failed on webchat (message); the user was sent an apology", Assert.Single(_factory.Logs.Events, e => e.EventId == 2005).Message);
    }

    [Fact]
    public async Task Invoke_TeamsFeedback_Returns200WithEmptyBodyAndStoresIt()
    {
        var invoke = await AfterAnswerAsync("c-invoke", "invoke");
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
        var feedback = Assert.Single(await StoredFeedbackAsync());
        Assert.False(feedback.Helpful);
        Assert.Null(feedback.Comment); // user text: kept only with transcripts on (TurnLogHostTests)
    }

    [Theory]
    [InlineData("composeExtension/query")]
    [InlineData("message/submitAction")] // not the feedback action
    [InlineData("")]
    public async Task Invoke_NotHandled_Returns501WithAnEmptyBodyAndStoresNothing(string name)
    {
        var invoke = await AfterAnswerAsync("c-unhandled-" + name.Length, "invoke");
        invoke["name"] = name;
        invoke["value"] = new JsonObject { ["actionName"] = "share" };
        invoke.Remove("deliveryMode");

        var response = await _factory.CreateClient().PostAsJsonAsync("/api/messages", invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Empty(await StoredFeedbackAsync());
    }

    [Fact]
    public async Task Invoke_AdaptiveCardAction_AnswersWithAMessageAndStoresFeedback()
    {
        var invoke = await AfterAnswerAsync("c-execute", "invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["data"] = new JsonObject { ["action"] = "feedback", ["helpful"] = true } } };
        invoke.Remove("deliveryMode");

        var response = await _factory.CreateClient().PostAsJsonAsync("/api/messages", invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("{\"statusCode\":200,\"type\":\"application/vnd.microsoft.activity.message\",\"value\":\"Thanks for your feedback!\"}", body!.ToJsonString());
        var feedback = Assert.Single(await StoredFeedbackAsync());
        Assert.True(feedback.Helpful);
    }

    [Fact]
    public async Task Message_CardSubmitFeedback_IsStoredAndThanked()
    {
        var submit = await AfterAnswerAsync("c-submit", "message");
        submit.Remove("text");
        submit["value"] = new JsonObject { ["action"] = "feedback", ["helpful"] = false };

        var replies = await SendAsync(submit);

        Assert.Equal("Thanks for your feedback!", (string?)replies.Single()!["text"]);
        var feedback = Assert.Single(await StoredFeedbackAsync());
        Assert.False(feedback.Helpful);
        Assert.Equal(["guide-a#do-i-need-a-phd", "guide-b#required-education"], feedback.PassageIds);
    }

    [Fact]
    public async Task Message_CardSubmitFeedback_TwiceOnOneAnswer_KeepsTheLatestVoteOnly()
    {
        var like = await AfterAnswerAsync("c-twice", "message");
        like.Remove("text");
        like["value"] = new JsonObject { ["action"] = "feedback", ["helpful"] = true };
        await SendAsync(like);
        var dislike = like.DeepClone().AsObject();
        dislike["id"] = "c-twice-again";
        dislike["value"] = new JsonObject { ["action"] = "feedback", ["helpful"] = false };

        await SendAsync(dislike);

        var feedback = Assert.Single(await StoredFeedbackAsync());
        Assert.False(feedback.Helpful);
    }

    [Fact]
    public async Task Message_CardSubmitFeedback_OnTwoAnswersOrByTwoPeople_KeepsEachVote()
    {
        var first = await AfterAnswerAsync("c-two", "message");
        first.Remove("text");
        first["value"] = new JsonObject { ["action"] = "feedback", ["helpful"] = true };
        await SendAsync(first);
        var otherPerson = first.DeepClone().AsObject();
        otherPerson["id"] = "c-two-other";
        otherPerson["from"] = new JsonObject { ["id"] = "someone-else" };
        await SendAsync(otherPerson);
        var secondAnswer = await AfterAnswerAsync("c-two", "message");
        secondAnswer.Remove("text");
        secondAnswer["id"] = "c-two-second";
        secondAnswer["value"] = new JsonObject { ["action"] = "feedback", ["helpful"] = false };

        await SendAsync(secondAnswer);

        var feedback = await StoredFeedbackAsync();
        Assert.Equal([true, true, false], feedback.Select(f => f.Helpful));
        Assert.Equal(3, feedback.Select(f => f.Vote).Distinct().Count());
    }

    [Fact]
    public async Task Message_ComplaintAfterAnAnswer_IsStoredAsAThumbsDownOnIt_ThatALaterClickReplaces()
    {
        var complaint = await AfterAnswerAsync("c-complaint", "message");
        complaint["text"] = "that was useless, still vague";

        await SendAsync(complaint);

        // "that was useless" reached no report: the turn log saw a help reply, the feedback store nothing.
        var stored = Assert.Single(await StoredFeedbackAsync());
        Assert.False(stored.Helpful);
        Assert.Equal(["guide-a#do-i-need-a-phd", "guide-b#required-education"], stored.PassageIds);
        Assert.Null(stored.Comment); // transcripts are off by default: no user text is kept

        var click = complaint.DeepClone().AsObject();
        click["id"] = "c-complaint-click";
        click.Remove("text");
        click["value"] = new JsonObject { ["action"] = "feedback", ["helpful"] = true };
        await SendAsync(click);

        Assert.True(Assert.Single(await StoredFeedbackAsync()).Helpful);
    }

    [Fact]
    public async Task Message_ComplaintAfterADecline_IsNoVoteOnAnOlderAnswer()
    {
        var complaint = await AfterAnswerAsync("c-complaint-decline", "message");
        var decline = complaint.DeepClone().AsObject();
        decline["text"] = "what is the capital of France?";
        await SendAsync(decline);
        complaint["id"] = "c-complaint-decline-2";
        complaint["text"] = "that was useless";

        await SendAsync(complaint);

        // The complaint is about the decline, not about the PhD answer before it.
        Assert.Empty(await StoredFeedbackAsync());
    }

    [Fact]
    public async Task WebChatVote_Event_IsStoredAsFeedback()
    {
        var vote = await AfterAnswerAsync("c-vote", "event", channelId: "webchat");
        vote["name"] = "webchat:activity-status/feedback";
        vote["entities"] = new JsonArray(new JsonObject { ["@type"] = "DislikeAction", ["actionStatus"] = "CompletedActionStatus" });

        Assert.Empty(await SendAsync(vote));

        var feedback = Assert.Single(await StoredFeedbackAsync());
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

    [Fact]
    public async Task Message_ShowSourceDates_NamesEachGuidesDateInTheSources()
    {
        using var factory = new BotFactory(new() { ["Bot:ShowSourceDates"] = "true" });

        var response = await factory.CreateClient().PostAsJsonAsync("/api/messages", Activities.Message("Do I need a PhD?", channelId: "webchat"));
        var text = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]![0]!["text"];

        Assert.Contains("[1]: cite:1 \"Guide A / Frequently asked questions / Do I need a PhD? \\(as of 2026-01-15\\)\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebChatVote_OnAnOlderAnswer_IsRecordedForThatAnswer()
    {
        var first = await SendAsync(Activities.Message("Do I need a PhD?", channelId: "webchat", conversationId: "c-votes", id: "q1"));
        await SendAsync(Activities.Message("How much do junior engineers earn?", channelId: "webchat", conversationId: "c-votes", id: "q2"));
        var like = first[0]!["entities"]![0]!["potentialAction"]!.AsArray().First(a => (string?)a!["@type"] == "LikeAction")!.DeepClone();
        var vote = Activities.Message(string.Empty, channelId: "webchat", conversationId: "c-votes", id: "v1");
        vote["type"] = "event";
        vote["name"] = "webchat:activity-status/feedback";
        vote.Remove("text");
        vote["entities"] = new JsonArray(like);

        await SendAsync(vote);

        var feedback = Assert.Single(await StoredFeedbackAsync(), f => f.ChannelId == "webchat");
        Assert.True(feedback.Helpful);
        Assert.Equal("education", feedback.Intent);
        Assert.Contains("guide-a#do-i-need-a-phd", feedback.PassageIds);
        Assert.StartsWith("careerbot-vote:", (string?)like["@id"], StringComparison.Ordinal);
    }

    private static string ContentText(JsonNode activity) =>
        activity["attachments"]?[0]?["content"]?.ToJsonString() ?? string.Empty;

    /// <summary>State storage that holds the first write until the test releases it, and counts reads.</summary>
    private sealed class HeldWriteStorage : WrappedMemoryStorage
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _held;
        private int _reads;

        public int Held => Volatile.Read(ref _held);

        public int Reads => Volatile.Read(ref _reads);

        public void Release() => _gate.TrySetResult();

        public override Task<StoredItem?> ReadAsync(string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return base.ReadAsync(key, cancellationToken);
        }

        public override async Task<string> WriteAsync(string key, string json, string? etag, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _held) == 1)
            {
                await _gate.Task.WaitAsync(cancellationToken);
            }

            return await base.WriteAsync(key, json, etag, cancellationToken);
        }
    }
}
