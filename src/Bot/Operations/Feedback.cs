namespace CareerBot.Bot.Operations;

/// <summary>
/// A thumbs up or down on an answer, with what the answer cited. No user text is kept. <see cref="Vote"/>
/// names one person's vote on one answer (a hash, not their ids): a later vote with the same name
/// replaces the earlier, so a second click or a changed mind is not counted twice. <see cref="AnswerId"/>
/// is the id of the answer voted on, as its turn record has it (null for votes from before it was kept).
/// </summary>
public sealed record Feedback(
    DateTimeOffset Time,
    string ChannelId,
    bool Helpful,
    string Intent,
    IReadOnlyList<string> PassageIds,
    string? Comment,
    string? Vote = null,
    string? AnswerId = null);

/// <summary>Where feedback goes, so that weak answers can be found later.</summary>
public interface IFeedbackStore
{
    /// <summary>
    /// Stores a vote. False when the store could not and has already logged and counted why (the table
    /// store); a store may also throw (SQLite), which the caller logs. Either way the vote is not logged as kept.
    /// </summary>
    Task<bool> RecordAsync(Feedback feedback, CancellationToken cancellationToken);

    Task<IReadOnlyList<Feedback>> ReadAllAsync(CancellationToken cancellationToken);
}
