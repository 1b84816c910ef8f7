using System.Text;
using System.Text.Json.Nodes;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// Web Chat (and any Direct Line client): Markdown text whose [n] markers are reference links
/// to "cite:n", one schema.org Message entity (with "@id" "") holding a Claim per citation,
/// and Like/Dislike vote actions that Web Chat shows as thumbs under the answer. A vote
/// comes back as an event named "webchat:activity-status/feedback".
/// </summary>
/// <remarks>
/// Web Chat's citation dialog reads the Claim's appearance: its name as the title (plain text) and its
/// text (the whole passage, rendered as Markdown, so escaped) as the body. The passage is sent there
/// once; a copy on the Claim itself, which no client reads, doubled the size of every answer.
/// </remarks>
internal sealed class WebChatRenderer : IReplyRenderer
{
    public bool Serves(string channelId) => channelId is "webchat" or "directline";

    public Activity Render(Answer answer)
    {
        var escaped = Escaping.MarkdownKeepingMarkers(answer.Text);
        var text = new StringBuilder(escaped, escaped.Length + (answer.Citations.Count * 160)); // room for the reference lines
        if (!answer.Answered)
        {
            return new Activity { Type = ActivityTypes.Message, Text = text.ToString(), TextFormat = "markdown", SuggestedActions = TextRenderer.Suggestions(answer.Suggestions) };
        }

        text.Append("\n");
        var citations = new JsonArray();
        foreach (var c in answer.Citations)
        {
            var title = Escaping.Markdown($"{c.GuideTitle} / {c.SectionPath.Replace(" > ", " / ", StringComparison.Ordinal)}").Replace("\"", "'", StringComparison.Ordinal);
            text.Append('\n').Append('[').Append(c.Number).Append("]: cite:").Append(c.Number).Append(" \"").Append(title).Append('"');
            citations.Add(new JsonObject
            {
                ["@type"] = "Claim",
                ["@id"] = $"cite:{c.Number}",
                ["position"] = c.Number,
                ["appearance"] = new JsonObject
                {
                    ["@type"] = "DigitalDocument",
                    // Web Chat shows the name as a text node (the dialog's header, the reference list), so it
                    // stays as written; the text is the dialog's body, rendered as Markdown, so it is escaped
                    // like the answer (an <img> in a guide once became an element there). The abstract,
                    // which this Web Chat does not show, is escaped too, for clients that render it.
                    ["name"] = c.GuideTitle,
                    ["abstract"] = Escaping.Markdown(c.Quote),
                    ["text"] = Escaping.Markdown(c.PassageText),
                },
            });
        }

        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text.ToString(),
            TextFormat = "markdown",
            SuggestedActions = TextRenderer.Suggestions(answer.Suggestions),
            Entities =
            [
                new JsonObject
                {
                    ["type"] = "https://schema.org/Message",
                    ["@type"] = "Message",
                    ["@context"] = "https://schema.org",
                    ["@id"] = string.Empty,
                    ["citation"] = citations,
                    ["potentialAction"] = new JsonArray
                    {
                        new JsonObject { ["@type"] = "LikeAction", ["actionStatus"] = "PotentialActionStatus" },
                        new JsonObject { ["@type"] = "DislikeAction", ["actionStatus"] = "PotentialActionStatus" },
                    },
                },
            ],
        };
    }
}
