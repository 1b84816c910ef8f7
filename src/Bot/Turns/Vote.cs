namespace CareerBot.Bot.Turns;

/// <summary>
/// A thumbs up or down on an answer: the answer is found by <paramref name="VoteKey"/> (the key its
/// buttons carried), else by <paramref name="ReplyId"/>, else it is the latest answer.
/// <paramref name="Thank"/>: the channel shows nothing of its own, so the bot replies with thanks.
/// </summary>
public sealed record Vote(bool Helpful, string? ReplyId, string? Comment = null, string? VoteKey = null, bool Thank = false) : UserInput;
