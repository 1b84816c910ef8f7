using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.BotFramework;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// An answer (or a short text) as a <c>chat.postMessage</c> body, straight from the <see cref="Answer"/>:
/// the text in mrkdwn (escaped, numbered sources, as <see cref="SlackRenderer"/> writes it for Slack
/// through Azure too) in section blocks, and an actions block with one button per suggested
/// question (value = the question), which <c>/api/slack/interactions</c> turns back into a question.
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

    /// <summary>The answer as a message.</summary>
    public static SlackPostMessage? From(Answer answer, string channel, string? threadTs)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return From(SlackRenderer.Text(answer), answer.Suggestions, channel, threadTs);
    }

    /// <summary>The message, or null when there is nothing Slack can show.</summary>
    public static SlackPostMessage? From(string text, IReadOnlyList<string> suggestions, string channel, string? threadTs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(suggestions);
        var questions = suggestions.Where(q => q.Length is > 0 and <= MaxButtonValue).Take(MaxButtons).ToList();
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
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Escaping.Truncate(questions[i], MaxButtonText) },
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
