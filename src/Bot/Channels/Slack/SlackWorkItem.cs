namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// One question from Slack waiting to be answered: its message (<paramref name="Id"/>: the message's
/// ts, or the click's action ts), who asked (<paramref name="User"/>), what
/// (<paramref name="Text"/>, mention stripped and unescaped), the conversation it continues (one per
/// thread) and where the answer goes (channel and thread). <see cref="EventId"/> names it in log lines.
/// </summary>
internal sealed record SlackWorkItem(string EventId, string Id, string User, string Text, string ConversationId, string Channel, string ThreadTs);
