using System.Text.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.Slack;
using static CareerBot.Bot.Tests.Channels.Slack.SlackRequests;

namespace CareerBot.Bot.Tests.Channels.Slack;

/// <summary>How Slack events and button clicks become the questions the turn core answers.</summary>
public sealed class SlackQuestionTests
{
    [Fact]
    public void Question_AppMention_StripsTheLeadingBotMentionAndAddressesTheThread()
    {
        var (item, reason) = Question(Envelope("Ev01", Mention($"<@{BotUser}> Do I need a PhD?", channel: "C0GENERAL", ts: "1763888500.000200")));

        Assert.Equal(string.Empty, reason);
        Assert.Equal(("Ev01", "C0GENERAL", "1763888500.000200"), (item!.EventId, item.Channel, item.ThreadTs));
        Assert.Equal(("1763888500.000200", User, "Do I need a PhD?"), (item.Id, item.User, item.Text));
        Assert.Equal("T0TEAM:C0GENERAL:1763888500.000200", item.ConversationId);
    }

    [Theory]
    [InlineData("<@U0BOT|careerbot> Do I need a PhD?", "Do I need a PhD?")]
    [InlineData("  <@U0BOT>   Do I need a PhD?  ", "Do I need a PhD?")]
    [InlineData("<@U0BOT>", "")]
    [InlineData("<@U0BOB> and <@U0BOT>: what pays?", "<@U0BOB> and <@U0BOT>: what pays?")]
    [InlineData("Salary &amp; bonus &lt;senior&gt;?", "Salary & bonus <senior>?")]
    [InlineData("<@U0BOT> &amp;lt; stays literal", "&lt; stays literal")]
    public void Question_MentionText_OnlyTheLeadingBotMentionGoesAndEscapesAreUndone(string text, string question)
    {
        var (item, _) = Question(Envelope("Ev01", Mention(text)));

        Assert.Equal(question, item!.Text);
    }

    /// <summary>
    /// Slack sends an emoji as its short code: ":+1:" and ":thinking_face:" reached the engine as
    /// words, so a thumbs up was declined naming "+1" where Web Chat's "👍" is thanks.
    /// </summary>
    [Theory]
    [InlineData(":+1:", "👍")]
    [InlineData(":pray::skin-tone-3:", "🙏")]
    [InlineData("<@U0BOT> :thinking_face: :question:", "🤔 ❓")]
    [InlineData(":tada:", "")]
    [InlineData("thanks :slightly_smiling_face:", "thanks 🙂")]
    [InlineData("what is a:b: ratio", "what is a:b: ratio")]
    [InlineData("time 10:30:45 ok", "time 10:30:45 ok")]
    public void Question_EmojiShortCodes_BecomeTheCharactersTheEngineReads(string text, string question)
    {
        var (item, _) = Question(Envelope("Ev01", Mention(text)));

        Assert.Equal(question, item!.Text);
    }

    [Fact]
    public void Question_NoAuthorizations_TheMentionTargetIsTheBot()
    {
        var envelope = Envelope("Ev01", Mention("<@U0OTHERBOT> Do I need a PhD?"));
        envelope.Remove("authorizations");
        var own = Envelope("Ev02", Mention("<@U0OTHERBOT> hello me"));
        own.Remove("authorizations");
        own["event"]!["user"] = "U0OTHERBOT";

        var (item, _) = Question(envelope);
        var (ignored, reason) = Question(own);

        Assert.Equal("Do I need a PhD?", item!.Text); // the mention of the bot is stripped
        Assert.Null(ignored);
        Assert.Equal("the bot's own message", reason);
    }

    [Fact]
    public void Question_DirectMessageInAThread_IsOneConversationPerThread()
    {
        var (item, _) = Question(Envelope("Ev01", DirectMessage("And senior ones?", ts: "1763888460.000300", threadTs: "1763888400.000100")));

        Assert.Equal((DirectChannel, "1763888400.000100"), (item!.Channel, item.ThreadTs));
        Assert.Equal("T0TEAM:D0ALICE:1763888400.000100", item.ConversationId);
        Assert.Equal("1763888460.000300", item.Id);
    }

    [Theory]
    [InlineData("bot_id", "B0OTHER", "posted by a bot")]
    [InlineData("subtype", "message_changed", "message subtype 'message_changed'")]
    [InlineData("subtype", "bot_message", "message subtype 'bot_message'")]
    [InlineData("user", BotUser, "the bot's own message")]
    [InlineData("channel_type", "channel", "message in a 'channel' channel (only direct messages and mentions are answered)")]
    [InlineData("type", "reaction_added", "event type 'reaction_added'")]
    public void Question_NotAQuestionForTheBot_IsIgnoredWithTheReason(string field, string value, string expected)
    {
        var ev = DirectMessage("Do I need a PhD?");
        ev[field] = value;

        var (item, reason) = Question(Envelope("Ev01", ev));

        Assert.Null(item);
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void Click_SuggestionButton_IsTheQuestionInTheButtonsThread()
    {
        var (item, reason) = Click(SlackRequests.Click("What skills do I need?", 1, DirectChannel, "1763888400.000100"));

        Assert.Equal(string.Empty, reason);
        Assert.Equal((DirectChannel, "1763888400.000100"), (item!.Channel, item.ThreadTs));
        Assert.Equal("click 1700000000.000001/careerbot_suggestion_1", item.EventId);
        Assert.Equal(("1700000100.123456", User, "What skills do I need?"), (item.Id, item.User, item.Text));
        Assert.Equal("T0TEAM:D0ALICE:1763888400.000100", item.ConversationId);
    }

    [Fact]
    public void Click_OnATopLevelMessage_UsesThatMessageAsTheThread()
    {
        var click = SlackRequests.Click("What skills do I need?", 0, "C0GENERAL", "unused", messageTs: "1763888600.000500");
        ((JsonObject)click["container"]!).Remove("thread_ts");
        ((JsonObject)click["message"]!).Remove("thread_ts");

        var (item, _) = Click(click);

        Assert.Equal(("C0GENERAL", "1763888600.000500"), (item!.Channel, item.ThreadTs));
        Assert.Equal("T0TEAM:C0GENERAL:1763888600.000500", item.ConversationId);
    }

    private static (SlackWorkItem? Item, string Reason) Question(JsonObject envelope) =>
        SlackEndpoints.Question(JsonSerializer.Deserialize(envelope.ToJsonString(), SlackJsonContext.Default.SlackEnvelope)!, (string)envelope["event_id"]!);

    private static (SlackWorkItem? Item, string Reason) Click(JsonObject payload) =>
        SlackEndpoints.Click(JsonSerializer.Deserialize(payload.ToJsonString(), SlackJsonContext.Default.SlackInteraction));
}
