using System.Text.Json.Nodes;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// Microsoft Teams: the answer as Teams text (see <see cref="Escaping.Teams"/>) with [n] markers and Teams' native citations
/// (one schema.org Message entity, a Claim per source with its position; name at most 80
/// characters, abstract at most 160), the feedback loop switched on, and at most three
/// suggested actions (Teams shows them in personal chats only).
/// </summary>
internal sealed class TeamsRenderer : IReplyRenderer
{
    public const int MaxSuggestions = 3;
    public const int MaxCitations = 20;
    public const int MaxNameLength = 80;
    public const int MaxAbstractLength = 160;

    public bool Serves(string channelId) => channelId == "msteams";

    /// <summary>
    /// A Teams channel post has no suggested actions (Teams shows them in personal chats; the Agents
    /// Playground shows a channel reply that carries them as "Invalid message"), so they are dropped there.
    /// </summary>
    public static Activity ForConversation(Activity reply, string channelId, string? conversationType) =>
        channelId == "msteams" && conversationType == "channel" && reply.SuggestedActions is not null
            ? reply with { SuggestedActions = null }
            : reply;

    public Activity Render(Answer answer)
    {
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            Text = Escaping.Teams(answer.Text),
            TextFormat = "markdown",
            SuggestedActions = TextRenderer.Suggestions(answer.Suggestions, MaxSuggestions),
        };
        if (!answer.Answered)
        {
            return reply;
        }

        var citations = new JsonArray();
        foreach (var c in answer.Citations.Take(MaxCitations))
        {
            citations.Add(new JsonObject
            {
                ["@type"] = "Claim",
                ["position"] = c.Number,
                ["appearance"] = new JsonObject
                {
                    ["@type"] = "DigitalDocument",
                    ["name"] = EscapedWithin(c.GuideTitle, MaxNameLength),
                    ["abstract"] = EscapedWithin($"{c.SectionPath}: {c.Quote}", MaxAbstractLength),
                },
            });
        }

        return reply with
        {
            Entities =
            [
                new JsonObject
                {
                    ["type"] = "https://schema.org/Message",
                    ["@type"] = "Message",
                    ["@context"] = "https://schema.org",
                    ["citation"] = citations,
                },
            ],
            ChannelData = new JsonObject { ["feedbackLoop"] = new JsonObject { ["type"] = "default" } },
        };
    }

    /// <summary>
    /// Markdown-escaped like the answer text, and still within Teams' limit: the text is cut
    /// before escaping, shorter each time, until the escaped form fits (no escape is split).
    /// </summary>
    private static string EscapedWithin(string text, int max)
    {
        for (var budget = max; budget > 1; budget--)
        {
            var escaped = Escaping.Markdown(Escaping.Truncate(text, budget));
            if (escaped.Length <= max)
            {
                return escaped;
            }
        }

        return "\u2026";
    }
}
