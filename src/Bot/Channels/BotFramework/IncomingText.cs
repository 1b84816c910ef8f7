
namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// The question in a message, without @mentions of the bot: for each mention entity whose
/// mentioned id is the bot's (the activity's recipient), its text is removed (Teams puts
/// "&lt;at&gt;Bot&lt;/at&gt;" in channel and group messages). Entities are trusted, not the text.
/// </summary>
internal static class IncomingText
{
    public static string Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (botId is null || activity.Entities is null)
        {
            return text.Trim();
        }

        foreach (var entity in activity.Entities)
        {
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

            if (!string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Trim();
    }
}
