using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Bot.Turns;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

/// <summary>Every activity the bot acts on, read as its typed input, with the invoke's own answer.</summary>
public sealed class ActivityInputTests
{
    [Theory]
    [InlineData("Do I need a PhD?", "Do I need a PhD?")]
    [InlineData("  <at>CareerBot</at> What do they earn?  ", "What do they earn?")]
    public void Read_Message_IsAnAskWithoutTheBotMention(string text, string expected)
    {
        var input = ActivityInput.Read(Message(text), 1000);

        Assert.Equal([new Ask(expected)], input.Inputs);
        Assert.True(input.IsMessage);
        Assert.Null(input.Response);
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("Start over!")]
    [InlineData("clear.")]
    public void Read_ResetWord_IsAReset(string text) =>
        Assert.Equal([new Reset()], ActivityInput.Read(Message(text), 1000).Inputs);

    [Fact]
    public void Read_MentionLongerThanAName_IsLeftInTheText()
    {
        // 200 mentions of 601 characters over a text of 120,000 cost 11 s of CPU, removed one by one.
        var name = string.Concat(Enumerable.Repeat("ab", 150)) + "x";
        var activity = Message("what do they earn " + name) with
        {
            Entities = [.. Enumerable.Range(0, 3).Select(_ => new JsonObject { ["type"] = "mention", ["text"] = name, ["mentioned"] = new JsonObject { ["id"] = "bot-1" } })],
        };

        Assert.Equal([new Ask("what do they earn " + name)], ActivityInput.Read(activity, 1000).Inputs);
    }

    [Fact]
    public void Read_ManyMentions_OnlyTheFirstFewAreRemoved()
    {
        var activity = Message(string.Concat(Enumerable.Range(0, 12).Select(i => $"<at>n{i}</at> ")) + "salary?") with
        {
            Entities = [.. Enumerable.Range(0, 12).Select(i => new JsonObject { ["type"] = "mention", ["text"] = $"<at>n{i}</at>", ["mentioned"] = new JsonObject { ["id"] = "bot-1" } })],
        };

        Assert.Equal([new Ask("<at>n8</at> <at>n9</at> <at>n10</at> <at>n11</at> salary?")], ActivityInput.Read(activity, 1000).Inputs);
    }

    [Fact]
    public void Read_LongMessage_IsReadUpToTheLimit() =>
        Assert.Equal([new Ask(new string('a', 16))], ActivityInput.Read(Message(new string('a', 40)), 16).Inputs);

    [Fact]
    public void Read_CardSubmitWithFeedback_IsAVoteThatIsThanked()
    {
        var activity = Message(string.Empty) with { Value = new JsonObject { ["action"] = "feedback", ["helpful"] = false, ["replyId"] = "r-1", ["comment"] = "too short" } };

        Assert.Equal([new Vote(false, "r-1", "too short", Thank: true)], ActivityInput.Read(activity, 1000).Inputs);
    }

    [Fact]
    public void Read_TeamsFeedbackInvoke_IsAVote_Answered200WithNoBody()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = "message/submitAction",
            ReplyToId = "r-2",
            Value = new JsonObject { ["actionName"] = "feedback", ["actionValue"] = new JsonObject { ["reaction"] = "like", ["feedback"] = "{\"feedbackText\":\"clear\"}" } },
        };

        var input = ActivityInput.Read(activity, 1000);

        Assert.Equal([new Vote(true, "r-2", "clear")], input.Inputs);
        Assert.Equal(new InvokeResponse(200), input.Response);
        Assert.False(input.IsMessage);
    }

    [Fact]
    public void Read_AdaptiveCardActionFeedback_IsAVote_Answered200WithTheThanks()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            ReplyToId = "r-3",
            Value = new JsonObject { ["action"] = new JsonObject { ["data"] = new JsonObject { ["action"] = "feedback", ["reaction"] = "up" } } },
        };

        var input = ActivityInput.Read(activity, 1000);

        Assert.Equal([new Vote(true, "r-3")], input.Inputs);
        Assert.Equal(200, input.Response!.Status);
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Thanks for your feedback!"}""", input.Response.Body!.ToJsonString());
    }

    [Fact]
    public void Read_UnknownInvoke_IsNothing_Answered501()
    {
        var input = ActivityInput.Read(new Activity { Type = ActivityTypes.Invoke, Name = "task/fetch" }, 1000);

        Assert.Empty(input.Inputs);
        Assert.Equal(new InvokeResponse(501), input.Response);
        Assert.Equal("task/fetch", input.UnhandledInvoke);
    }

    [Fact]
    public void Read_Reactions_AreOneVoteEach_UnknownOnesIgnored()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.MessageReaction,
            ReplyToId = "r-4",
            ReactionsAdded = [new MessageReaction { Type = "like" }, new MessageReaction { Type = "surprised" }, new MessageReaction { Type = "angry" }],
        };

        Assert.Equal([new Vote(true, "r-4"), new Vote(false, "r-4")], ActivityInput.Read(activity, 1000).Inputs);
    }

    [Fact]
    public void Read_WebChatVote_CarriesTheKeyItsButtonWasStampedWith()
    {
        var rendered = new Activity { Entities = [new JsonObject { ["potentialAction"] = new JsonArray(new JsonObject { ["@type"] = "DislikeAction" }) }] };
        var stamped = (JsonObject)ActivityInput.StampVoteKey(rendered, "k-5").Entities![0]["potentialAction"]![0]!;
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = ActivityInput.WebChatFeedbackEvent,
            ReplyToId = "r-5",
            Entities = [(JsonObject)stamped.DeepClone()],
        };

        Assert.Equal([new Vote(false, "r-5", VoteKey: "k-5")], ActivityInput.Read(activity, 1000).Inputs);
    }

    [Fact]
    public void Read_ConversationUpdate_IsJoinedOnlyWhenSomeoneButTheBotJoined()
    {
        var bot = new ChannelAccount { Id = "bot-1" };
        var user = new ChannelAccount { Id = "user-1" };

        Assert.Equal([new Joined()], ActivityInput.Read(new Activity { Type = ActivityTypes.ConversationUpdate, Recipient = bot, MembersAdded = [bot, user] }, 1000).Inputs);
        Assert.Empty(ActivityInput.Read(new Activity { Type = ActivityTypes.ConversationUpdate, Recipient = bot, MembersAdded = [bot] }, 1000).Inputs);
    }

    [Theory]
    [InlineData(ActivityTypes.EndOfConversation, true)]
    [InlineData(ActivityTypes.Typing, false)]
    [InlineData("installationUpdate", false)]
    [InlineData("somethingNew", false)]
    public void Read_OtherTypes_EndOfConversationEndsTheRestAreNothing(string type, bool ends) =>
        Assert.Equal(ends ? [new Ended()] : [], ActivityInput.Read(new Activity { Type = type }, 1000).Inputs);

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new ChannelAccount { Id = "bot-1", Name = "CareerBot" },
        Entities = [new JsonObject { ["type"] = "mention", ["text"] = "<at>CareerBot</at>", ["mentioned"] = new JsonObject { ["id"] = "bot-1" } }],
    };
}
