namespace CareerBot.Bot.Conversation;

/// <summary>A thumbs up or down on an answer, with what the answer cited. No user text is kept.</summary>
public sealed record Feedback(
    DateTimeOffset Time,
    string ChannelId,
    bool Helpful,
    string Intent,
    IReadOnlyList<string> PassageIds,
    string? Comment);

/// <summary>Where feedback goes, so that weak answers can be found later.</summary>
public interface IFeedbackStore
{
    Task RecordAsync(Feedback feedback, CancellationToken cancellationToken);

    Task<IReadOnlyList<Feedback>> ReadAllAsync(CancellationToken cancellationToken);
}
