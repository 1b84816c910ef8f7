using System.Text.Json;
using CareerBot.Bot.Channels.Slack;

namespace CareerBot.Bot.Tests.Channels.Slack;

public sealed class SlackMessageTests
{
    [Fact]
    public void From_TextAndSuggestions_IsASectionAndOneButtonPerQuestion()
    {
        var message = SlackMessage.From("Pay is high. [1]\n\n[1] *Guide A*, Pay &gt; By state", ["What skills do I need?", "Do I need a PhD?"], "D0ALICE", "1763888400.000100")!;

        Assert.Equal(
            """{"channel":"D0ALICE","text":"Pay is high. [1]\n\n[1] *Guide A*, Pay \u0026gt; By state","thread_ts":"1763888400.000100","blocks":["""
            + """{"type":"section","text":{"type":"mrkdwn","text":"Pay is high. [1]\n\n[1] *Guide A*, Pay \u0026gt; By state"}},"""
            + """{"type":"actions","block_id":"careerbot_suggestions","elements":["""
            + """{"type":"button","action_id":"careerbot_suggestion_0","text":{"type":"plain_text","text":"What skills do I need?"},"value":"What skills do I need?"},"""
            + """{"type":"button","action_id":"careerbot_suggestion_1","text":{"type":"plain_text","text":"Do I need a PhD?"},"value":"Do I need a PhD?"}]}]}""",
            JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackPostMessage));
    }

    [Fact]
    public void From_NoSuggestionsAndNoThread_IsOneSectionWithNoThreadTs()
    {
        var message = SlackMessage.From("Hello", [], "C0GENERAL", threadTs: null)!;

        Assert.Equal(
            """{"channel":"C0GENERAL","text":"Hello","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"Hello"}}]}""",
            JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackPostMessage));
    }

    [Fact]
    public void From_TextLongerThanASection_IsSplitAtALineBreak()
    {
        var first = new string('a', 2000);
        var second = new string('b', 2000);

        var message = SlackMessage.From(first + "\n" + second, [], "C1", "1.2")!;

        Assert.Equal([first, second], message.Blocks!.Select(b => (string?)b!["text"]!["text"]));
        Assert.Equal(first + "\n" + second, message.Text);
    }

    [Fact]
    public void From_LongQuestion_ButtonTextIsShortenedButItsValueIsTheWholeQuestion()
    {
        var question = "What does a machine learning engineer do on a normal working day in a large technology company?";

        var message = SlackMessage.From("Hi", [question], "C1", "1.2")!;

        var button = message.Blocks![1]!["elements"]![0]!;
        Assert.Equal("What does a machine learning engineer do on a normal working day in a\u2026", (string?)button["text"]!["text"]);
        Assert.Equal(question, (string?)button["value"]);
    }

    [Fact]
    public void From_MoreSuggestionsThanAnActionsBlockHolds_KeepsTheFirst25()
    {
        var questions = Enumerable.Range(1, 30).Select(i => $"Question {i}?").ToList();

        var message = SlackMessage.From("Hi", questions, "C1", "1.2")!;

        var buttons = message.Blocks![1]!["elements"]!.AsArray();
        Assert.Equal(25, buttons.Count);
        Assert.Equal("careerbot_suggestion_24", (string?)buttons[24]!["action_id"]);
        Assert.Equal(25, buttons.Select(b => (string?)b!["action_id"]).Distinct().Count());
    }

    [Fact]
    public void From_NothingToShow_IsNull()
    {
        Assert.Null(SlackMessage.From(string.Empty, [], "C1", "1.2"));
    }
}
