namespace CareerBot.Bot.Operations;

/// <summary>
/// What one answered (or declined) question leaves behind for the operator: no user text
/// unless transcripts are enabled, and then only for the retention period.
/// </summary>
public sealed record TurnRecord(
    DateTimeOffset Time,
    string ChannelId,
    string Intent,
    double Score,
    bool Answered,
    IReadOnlyList<string> PassageIds,
    double LatencyMs,
    string? Question);
