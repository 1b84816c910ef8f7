using System.Text.Json.Nodes;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// The Bot Framework Emulator: an Adaptive Card 1.5 with the answer, numbered sources (guide,
/// section, quoted sentences, and the whole passage behind a show/hide toggle), thumbs
/// up/down buttons and suggested questions. Small talk and declines stay plain text.
/// </summary>
internal sealed class AdaptiveCardRenderer : IReplyRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public bool Serves(string channelId) => channelId == "emulator";

    public Activity Render(Answer answer)
    {
        if (!answer.Answered)
        {
            return new Activity { Type = ActivityTypes.Message, Text = answer.Text, SuggestedActions = TextRenderer.Suggestions(answer.Suggestions) };
        }

        return new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [new Attachment { ContentType = ContentType, Content = Card(answer) }],
            SuggestedActions = TextRenderer.Suggestions(answer.Suggestions),
        };
    }

    internal static JsonObject Card(Answer answer)
    {
        var body = new JsonArray
        {
            TextBlock(Escaping.MarkdownKeepingMarkers(answer.Text)),
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Sources", ["weight"] = "Bolder", ["spacing"] = "Medium" },
        };
        foreach (var c in answer.Citations)
        {
            var passageId = $"passage-{c.Number}";
            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["items"] = new JsonArray
                {
                    TextBlock($"[{c.Number}] {Escaping.Markdown($"{c.GuideTitle} > {c.SectionPath}")}", weight: "Bolder"),
                    TextBlock($"\u201C{Escaping.Markdown(c.Quote)}\u201D", subtle: true),
                    new JsonObject
                    {
                        ["type"] = "ActionSet",
                        ["actions"] = new JsonArray
                        {
                            new JsonObject { ["type"] = "Action.ToggleVisibility", ["title"] = "Show or hide the passage", ["targetElements"] = new JsonArray(passageId) },
                        },
                    },
                    new JsonObject
                    {
                        ["type"] = "Container",
                        ["id"] = passageId,
                        ["isVisible"] = false,
                        ["items"] = new JsonArray { TextBlock(Escaping.Markdown(c.PassageText)) },
                    },
                },
            });
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
            ["actions"] = new JsonArray
            {
                Feedback("\U0001F44D Helpful", helpful: true),
                Feedback("\U0001F44E Not helpful", helpful: false),
            },
        };
    }

    private static JsonObject TextBlock(string text, string? weight = null, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    private static JsonObject Feedback(string title, bool helpful) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["action"] = "feedback", ["helpful"] = helpful },
    };
}
