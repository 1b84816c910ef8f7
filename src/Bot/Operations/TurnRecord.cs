namespace CareerBot.Bot.Operations;

/// <summary>
/// What one message turn leaves behind for the operator: no user text unless transcripts are
/// enabled, and then only for the retention period.
/// </summary>
/// <param name="Outcome">Answered, declined, a clarification or chat; when not given, <see cref="Answered"/> decides between the first two.</param>
/// <param name="DeclineReason">For a decline, one of <see cref="Operations.DeclineReason"/>'s values.</param>
/// <param name="AnswerId">The id the reply's vote buttons carry, so a vote is counted for this answer.</param>
public sealed record TurnRecord(
    DateTimeOffset Time,
    string ChannelId,
    string Intent,
    double Score,
    bool Answered,
    IReadOnlyList<string> PassageIds,
    double LatencyMs,
    string? Question,
    TurnOutcome? Outcome = null,
    string? DeclineReason = null,
    string? AnswerId = null)
{
    private static readonly string[] ChatIntents = ["greeting", "thanks", "goodbye", "help"];

    /// <summary>
    /// The outcome; for records from before outcomes were kept, read from what they have: answered, a
    /// chat intent, or a decline (out of scope by its intent, otherwise of unknown reason).
    /// </summary>
    public TurnOutcome Kind => Outcome ?? (Answered ? TurnOutcome.Answered : ChatIntents.Contains(Intent) ? TurnOutcome.Chat : TurnOutcome.Declined);

    /// <summary>Why it was declined; null unless <see cref="Kind"/> is <see cref="TurnOutcome.Declined"/>.</summary>
    public string? Reason => Kind != TurnOutcome.Declined
        ? null
        : DeclineReason ?? (Intent == "out_of_scope" ? Operations.DeclineReason.OutOfScope : Operations.DeclineReason.Unknown);
}
