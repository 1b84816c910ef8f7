using CareerBot.Bot.Protocol;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// One question from Slack waiting to be answered: the activity for the turn pipeline, and
/// where the answer goes (channel and thread). <see cref="EventId"/> names it in log lines.
/// </summary>
internal sealed record SlackWorkItem(string EventId, Activity Activity, string Channel, string ThreadTs);
