namespace CareerBot.Bot.Turns;

/// <summary>
/// Whose turn it is, as the core keeps it: <paramref name="Channel"/> is the channel id as records,
/// logs and metrics keep it (a known channel or "other"); <paramref name="ChannelId"/>,
/// <paramref name="ConversationId"/> and <paramref name="UserId"/> (when the channel says who) key state, votes and the throttle.
/// <paramref name="Kind"/> is the bounded name of what arrived, for the turn span.
/// </summary>
internal sealed record TurnAddress(string Channel, string ChannelId, string ConversationId, string? UserId, string Kind);
