using CareerBot.Knowledge.Answers;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// Turns a channel-free <see cref="Answer"/> into the message a channel family shows. The
/// renderer sets content only (text, cards, entities, suggested actions, channel data);
/// addressing the reply is the turn's job.
/// </summary>
public interface IReplyRenderer
{
    /// <summary>True when this renderer serves activities from <paramref name="channelId"/>.</summary>
    bool Serves(string channelId);

    Activity Render(Answer answer);
}
