using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>Picks the renderer for a channel: the first registered one that serves it, plain text otherwise.</summary>
internal sealed class RendererSelector(IEnumerable<IReplyRenderer> renderers)
{
    private readonly IReplyRenderer[] _renderers = [.. renderers.Where(r => r is not TextRenderer)];
    private readonly TextRenderer _fallback = new();

    public IReplyRenderer For(string? channelId)
    {
        var channel = channelId ?? string.Empty;
        foreach (var renderer in _renderers)
        {
            if (renderer.Serves(channel))
            {
                return renderer;
            }
        }

        return _fallback;
    }

    public Activity Render(string? channelId, Answer answer) => For(channelId).Render(answer);
}
