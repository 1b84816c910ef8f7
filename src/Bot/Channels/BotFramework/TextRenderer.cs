using System.Text;
using System.Text.Json.Nodes;
using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>Any channel without a renderer of its own: plain text with numbered footnotes.</summary>
internal sealed class TextRenderer : IReplyRenderer
{
    public bool Serves(string channelId) => true;

    public Activity Render(Answer answer) => new()
    {
        Type = ActivityTypes.Message,
        Text = Text(answer),
        TextFormat = "plain",
        SuggestedActions = Suggestions(answer.Suggestions),
    };

    /// <summary>The answer, then one footnote per citation: "[1] Guide, Section: "quote"".</summary>
    public static string Text(Answer answer)
    {
        var builder = new StringBuilder(answer.Text);
        if (answer.Citations.Count > 0)
        {
            builder.Append("\n\nSources:");
            foreach (var c in answer.Citations)
            {
                builder.Append("\n[").Append(c.Number).Append("] ").Append(c.GuideTitle).Append(", ").Append(c.SectionPath);
            }
        }

        return builder.ToString();
    }

    /// <summary>imBack buttons that post the suggestion back as the user's next message.</summary>
    public static SuggestedActions? Suggestions(IReadOnlyList<string> suggestions, int max = int.MaxValue) =>
        suggestions.Count == 0
            ? null
            : new SuggestedActions { Actions = suggestions.Take(max).Select(s => new CardAction { Type = "imBack", Title = s, Value = JsonValue.Create(s) }).ToList() };
}
