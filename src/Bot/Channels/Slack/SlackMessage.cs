using System.Text.Json;
using System.Text.Json.Nodes;
using CareerBot.Bot.Protocol;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// A rendered reply as a <c>chat.postMessage</c> body. The Slack renderer already made the
/// text mrkdwn (escaped, numbered sources); this puts it in Block Kit: section blocks with that
/// text, and an actions block with one button per suggested question (value = the question),
/// which <c>/api/slack/interactions</c> turns back into a question.
/// </summary>
internal static class SlackMessage
{
    public const string SuggestionsBlockId = "careerbot_suggestions";
    public const string SuggestionActionPrefix = "careerbot_suggestion_";

    // Block Kit limits: section text 3000 characters, button text 75, button value 2000, 25 elements per actions block.
    public const int MaxSectionText = 3000;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxButtons = 25;

    /// <summary>The message, or null when the reply has nothing Slack can show.</summary>
    public static SlackPostMessage? From(Activity reply, string channel, string? threadTs)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = reply.Text ?? string.Empty;
        var questions = Suggestions(reply);
        if (text.Length == 0 && questions.Count == 0)
        {
            return null;
        }

        var blocks = new JsonArray();
        foreach (var part in Sections(text))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = part },
            });
        }

        if (questions.Count > 0)
        {
            var buttons = new JsonArray();
            for (var i = 0; i < questions.Count; i++)
            {
                buttons.Add(new JsonObject
                {
                    ["type"] = "button",
                    ["action_id"] = SuggestionActionPrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = BotFramework.Escaping.Truncate(questions[i], MaxButtonText) },
                    ["value"] = questions[i],
                });
            }

            blocks.Add(new JsonObject { ["type"] = "actions", ["block_id"] = SuggestionsBlockId, ["elements"] = buttons });
        }

        return new SlackPostMessage
        {
            Channel = channel,
            Text = text.Length > 0 ? text : string.Join("\n", questions),
            ThreadTs = threadTs,
            Blocks = blocks,
        };
    }

    /// <summary>The suggested questions offered as imBack buttons, as many as fit.</summary>
    private static List<string> Suggestions(Activity reply) =>
        (reply.SuggestedActions?.Actions ?? [])
            .Where(a => a.Type == "imBack" && a.Value?.GetValueKind() == JsonValueKind.String)
            .Select(a => a.Value!.GetValue<string>())
            .Where(q => q.Length is > 0 and <= MaxButtonValue)
            .Take(MaxButtons)
            .ToList();

    /// <summary>The text cut into section-sized parts, at line breaks where it can be.</summary>
    private static List<string> Sections(string text)
    {
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > MaxSectionText)
        {
            var cut = rest.LastIndexOf('\n', MaxSectionText - 1);
            if (cut <= 0)
            {
                cut = MaxSectionText;
            }

            parts.Add(rest[..cut]);
            rest = rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }
}
