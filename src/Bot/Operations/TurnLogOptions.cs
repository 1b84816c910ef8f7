using System.ComponentModel.DataAnnotations;

namespace CareerBot.Bot.Operations;

/// <summary>How long turn records (time, channel, intent, score, passages, latency) are kept. Section "TurnLog".</summary>
public sealed class TurnLogOptions
{
    /// <summary>Records older than this are deleted, so <c>turns.db</c> stops growing; the operator report reads what is left.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);
}
