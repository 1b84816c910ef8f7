using System.Text.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

public sealed class RendererTests
{
    private static readonly Citation First = new(1, "g#a", "Guide A", "\"Guide A\" (site)", "Pay > By state", "California pays $139,620.", "Intro.\nCalifornia pays $139,620.", new DateOnly(2026, 1, 1));
    private static readonly Citation Second = new(2, "h#b", "Guide B", "\"Guide B\"", "FAQ > Pay?", "Pay is high.", "Pay is high. Really.", new DateOnly(2026, 1, 1));

    private static Answer Answered(string text = "California pays $139,620. [1]\n\nPay is high. [2]", params Citation[] citations) => new(
        "What do ML engineers earn?", AnswerKind.Answered, text, citations.Length == 0 ? [First, Second] : citations,
        new IntentScore("salary", 0.9), 0.9, ["Q1?", "Q2?", "Q3?", "Q4?"], new ConversationContext("salary", "q", ["salary"], ["g#a"]));

    private static readonly Answer Declined = new("weather?", AnswerKind.Declined, "Sorry.", [], new IntentScore("out_of_scope", 0.9), 0, ["Q1?", "Q2?", "Q3?"], new ConversationContext(null, "weather?", [], []));

    private static string Json(Activity activity) => JsonSerializer.Serialize(activity, ActivityJsonContext.Default.Activity);

    [Fact]
    public void AdaptiveCard_Answer_HasSourcesToggleAndFeedback()
    {
        var reply = new AdaptiveCardRenderer().Render(Answered());

        Assert.Null(reply.Text);
        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = attachment.Content!.AsObject();
        Assert.Equal("1.5", (string?)card["version"]);
        var body = card["body"]!.AsArray();
        Assert.Equal("California pays $139,620. [1]\n\nPay is high. [2]", (string?)body[0]!["text"]);
        var source = body[2]!["items"]!.AsArray();
        Assert.Equal("[1] Guide A \\> Pay \\> By state", (string?)source[0]!["text"]);
        Assert.Equal("\u201CCalifornia pays $139,620.\u201D", (string?)source[1]!["text"]);
        Assert.Equal("Action.ToggleVisibility", (string?)source[2]!["actions"]![0]!["type"]);
        Assert.Equal("passage-1", (string?)source[2]!["actions"]![0]!["targetElements"]![0]);
        Assert.Equal("passage-1", (string?)source[3]!["id"]);
        Assert.False((bool)source[3]!["isVisible"]!);
        Assert.Equal("Intro.\nCalifornia pays $139,620.", (string?)source[3]!["items"]![0]!["text"]);
        var actions = card["actions"]!.AsArray();
        Assert.Equal("{\"action\":\"feedback\",\"helpful\":true}", actions[0]!["data"]!.ToJsonString());
        Assert.Equal("{\"action\":\"feedback\",\"helpful\":false}", actions[1]!["data"]!.ToJsonString());
        Assert.Equal(["Q1?", "Q2?", "Q3?", "Q4?"], reply.SuggestedActions!.Actions.Select(a => (string?)a.Value));
        Assert.All(reply.SuggestedActions.Actions, a => Assert.Equal("imBack", a.Type));
    }

    [Fact]
    public void AdaptiveCard_Decline_IsPlainTextWithSuggestions()
    {
        var reply = new AdaptiveCardRenderer().Render(Declined);

        Assert.Equal("Sorry.", reply.Text);
        Assert.Null(reply.Attachments);
        Assert.Equal(3, reply.SuggestedActions!.Actions.Count);
    }

    [Fact]
    public void Teams_Answer_HasNativeCitationsFeedbackLoopAndThreeSuggestions()
    {
        var reply = new TeamsRenderer().Render(Answered());

        Assert.Equal("California pays $139,620. [1]<br><br>Pay is high. [2]", reply.Text);
        var entity = Assert.Single(reply.Entities!);
        Assert.Equal("https://schema.org/Message", (string?)entity["type"]);
        Assert.Equal("Message", (string?)entity["@type"]);
        Assert.Equal("https://schema.org", (string?)entity["@context"]);
        var citation = entity["citation"]!.AsArray();
        Assert.Equal([1, 2], citation.Select(c => (int)c!["position"]!));
        Assert.Equal("Guide A", (string?)citation[0]!["appearance"]!["name"]);
        Assert.Equal("Pay \\> By state: California pays $139,620.", (string?)citation[0]!["appearance"]!["abstract"]);
        Assert.Equal("{\"type\":\"default\"}", reply.ChannelData!["feedbackLoop"]!.ToJsonString());
        Assert.Equal(["Q1?", "Q2?", "Q3?"], reply.SuggestedActions!.Actions.Select(a => (string?)a.Value));
    }

    [Fact]
    public void Teams_LongNames_AreCutAtTheLimits()
    {
        var longCitation = First with { GuideTitle = string.Join(' ', Enumerable.Repeat("Guide", 40)), Quote = string.Join(' ', Enumerable.Repeat("word", 100)) };

        var reply = new TeamsRenderer().Render(Answered("x [1]", longCitation));

        var appearance = reply.Entities![0]["citation"]![0]!["appearance"]!;
        Assert.InRange(((string)appearance["name"]!).Length, 1, TeamsRenderer.MaxNameLength);
        Assert.InRange(((string)appearance["abstract"]!).Length, 1, TeamsRenderer.MaxAbstractLength);
        Assert.EndsWith("\u2026", (string)appearance["name"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Teams_LongNamesFullOfMarkup_AreEscapedAndStillWithinTheLimits()
    {
        var markup = First with { GuideTitle = string.Concat(Enumerable.Repeat("<b>*x*</b> ", 20)), Quote = string.Concat(Enumerable.Repeat("[a](b) ", 40)) };

        var appearance = new TeamsRenderer().Render(Answered("x [1]", markup)).Entities![0]["citation"]![0]!["appearance"]!;

        var name = (string)appearance["name"]!;
        var summary = (string)appearance["abstract"]!;
        Assert.InRange(name.Length, 1, TeamsRenderer.MaxNameLength);
        Assert.InRange(summary.Length, 1, TeamsRenderer.MaxAbstractLength);
        Assert.StartsWith("\\<b\\>\\*x\\*\\</b\\> ", name, StringComparison.Ordinal);
        Assert.DoesNotContain("](", summary.Replace("\\](", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void CitationFields_GuideTextWithMarkup_AreEscapedLikeTheAnswerText()
    {
        // An <img> once appeared in Web Chat's citation dialog from a guide's title.
        const string Payload = "<img src=x onerror=alert(1)> **b**";
        const string Escaped = "\\<img src=x onerror=alert\\(1\\)\\> \\*\\*b\\*\\*";
        var answer = Answered("x [1]", First with { GuideTitle = Payload, SectionPath = "S", Quote = Payload, PassageText = Payload });

        var webChat = new WebChatRenderer().Render(answer).Entities![0]["citation"]![0]!["appearance"]!;
        var teams = new TeamsRenderer().Render(answer).Entities![0]["citation"]![0]!["appearance"]!;

        Assert.Equal(Payload, (string?)webChat["name"]); // a text node in Web Chat (header, reference list): escaping would show
        Assert.Equal(Escaped, (string?)webChat["abstract"]);
        Assert.Equal(Escaped, (string?)webChat["text"]);
        Assert.Equal(Escaped, (string?)teams["name"]);
        Assert.Equal("S: " + Escaped, (string?)teams["abstract"]);
    }

    [Fact]
    public void WebChat_Answer_HasCitationLinksEntityAndVotes()
    {
        var reply = new WebChatRenderer().Render(Answered());

        Assert.Equal("markdown", reply.TextFormat);
        Assert.Equal("California pays $139,620. [1]\n\nPay is high. [2]\n\n[1]: cite:1 \"Guide A / Pay / By state\"\n[2]: cite:2 \"Guide B / FAQ / Pay?\"", reply.Text);
        var entity = Assert.Single(reply.Entities!);
        Assert.Equal(string.Empty, (string?)entity["@id"]);
        Assert.Equal(["cite:1", "cite:2"], entity["citation"]!.AsArray().Select(c => (string?)c!["@id"]));
        var claim = entity["citation"]![0]!.AsObject();
        Assert.Equal("Guide A", (string?)claim["appearance"]!["name"]);
        Assert.Equal(First.PassageText, (string?)claim["appearance"]!["text"]); // the dialog's body, sent once
        Assert.False(claim.ContainsKey("text"));
        Assert.Equal(["LikeAction", "DislikeAction"], entity["potentialAction"]!.AsArray().Select(a => (string?)a!["@type"]));
    }

    [Fact]
    public void Slack_Answer_IsMrkdwnWithBoldSourceFootnotes()
    {
        var reply = new SlackRenderer().Render(Answered());

        Assert.Equal("California pays $139,620. [1]\n\nPay is high. [2]\n\n[1] *Guide A*, Pay &gt; By state\n[2] *Guide B*, FAQ &gt; Pay?", reply.Text);
        Assert.Null(reply.Attachments);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<at>Everyone</at> *bold* <!channel>")]
    public void Injection_InKnowledgeBaseText_StaysInert(string payload)
    {
        var answer = Answered($"{payload} [1]", First with { GuideTitle = payload, Quote = payload });

        var webchat = new WebChatRenderer().Render(answer).Text!;
        var teams = new TeamsRenderer().Render(answer).Text!;
        var slack = new SlackRenderer().Render(answer).Text!;
        var card = new AdaptiveCardRenderer().Render(answer).Attachments![0].Content!.ToJsonString();

        Assert.DoesNotContain("<script>", webchat, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\u003Cscript\u003E", card, StringComparison.Ordinal);
        Assert.DoesNotContain(" *bold* ", card, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript", webchat, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", teams, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", teams, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript", teams, StringComparison.Ordinal);
        Assert.DoesNotContain("*bold*", teams, StringComparison.Ordinal);
        Assert.DoesNotContain("<", slack, StringComparison.Ordinal);
        Assert.DoesNotContain("*bold*", slack, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emulator", typeof(AdaptiveCardRenderer))]
    [InlineData("msteams", typeof(TeamsRenderer))]
    [InlineData("webchat", typeof(WebChatRenderer))]
    [InlineData("directline", typeof(WebChatRenderer))]
    [InlineData("slack", typeof(SlackRenderer))]
    [InlineData("telegram", typeof(TextRenderer))]
    public void Selector_Channel_PicksItsRenderer(string channel, Type expected)
    {
        var selector = new RendererSelector([new AdaptiveCardRenderer(), new TeamsRenderer(), new WebChatRenderer(), new SlackRenderer()]);

        Assert.IsType(expected, selector.For(channel));
    }

    [Fact]
    public void Text_Answer_HasNumberedFootnotes()
    {
        var reply = new TextRenderer().Render(Answered());

        Assert.Equal("California pays $139,620. [1]\n\nPay is high. [2]\n\nSources:\n[1] Guide A, Pay > By state\n[2] Guide B, FAQ > Pay?", reply.Text);
        Assert.DoesNotContain("attachments", Json(reply), StringComparison.Ordinal);
    }
}
