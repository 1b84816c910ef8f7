
namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// The question in a message, without @mentions of the bot: for each mention entity whose
/// mentioned id is the bot's (the activity's recipient), its text is removed (Teams puts
/// "&lt;at&gt;Bot&lt;/at&gt;" in channel and group messages). Entities are trusted, not the text.
/// The work is bounded whatever the activity holds: the text is cut to what the question may keep
/// plus room for the mentions, at most <see cref="MaxMentions"/> mentions are removed, and a mention
/// text longer than <see cref="MaxMentionLength"/> is no name and is left. Unbounded, one Direct Line
/// post of 120,000 characters with 200 mentions of 601 characters each cost 11 seconds of CPU.
/// </summary>
internal static class IncomingText
{
    /// <summary>Mentions of the bot removed from one message; a message names the bot once or twice.</summary>
    public const int MaxMentions = 8;

    /// <summary>The longest mention text removed: a display name in &lt;at&gt; tags is far shorter.</summary>
    public const int MaxMentionLength = 256;

    public static string Of(Activity activity, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (botId is null || activity.Entities is null)
        {
            return text.Trim();
        }

        var room = maxTextLength + (MaxMentions * MaxMentionLength);
        if (text.Length > room)
        {
            text = text[..room];
        }

        var removed = 0;
        foreach (var entity in activity.Entities)
        {
            if (removed == MaxMentions)
            {
                break;
            }

            if (entity["type"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || (string?)entity["type"] != "mention")
            {
                continue;
            }

            var mentioned = entity["mentioned"] as System.Text.Json.Nodes.JsonObject;
            if (mentioned?["id"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || (string?)mentioned["id"] != botId)
            {
                continue;
            }

            var mentionText = entity["text"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)entity["text"] : null;
            if (string.IsNullOrEmpty(mentionText) && mentioned["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                mentionText = $"<at>{(string?)mentioned["name"]}</at>";
            }

            if (!string.IsNullOrEmpty(mentionText) && mentionText.Length <= MaxMentionLength)
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.OrdinalIgnoreCase);
                removed++;
            }
        }

        return text.Trim();
    }
}
