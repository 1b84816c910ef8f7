using System.Text;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// Slack through Azure Bot Service: mrkdwn text with numbered footnotes naming each source
/// in *bold*, no Adaptive Cards; suggestions as plain suggested actions.
/// </summary>
internal sealed class SlackRenderer : IReplyRenderer
{
    public bool Serves(string channelId) => channelId == "slack";

    public Activity Render(Answer answer) => new()
    {
        Type = ActivityTypes.Message,
        Text = Text(answer),
        SuggestedActions = TextRenderer.Suggestions(answer.Suggestions),
    };

    public static string Text(Answer answer)
    {
        var builder = new StringBuilder(Escaping.Slack(answer.Text));
        foreach (var c in answer.Citations)
        {
            builder.Append(c.Number == 1 ? "\n\n" : "\n")
                .Append('[').Append(c.Number).Append("] *").Append(Escaping.Slack(c.GuideTitle)).Append("*, ")
                .Append(Escaping.Slack(c.SectionPath));
        }

        return builder.ToString();
    }
}
