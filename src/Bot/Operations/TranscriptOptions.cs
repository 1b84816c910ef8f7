using System.ComponentModel.DataAnnotations;

namespace CareerBot.Bot.Operations;

/// <summary>
/// Whether what users type is kept. Off by default: turn records and feedback then hold ids,
/// intents and scores only. On, the question text (and feedback comments) are stored in the
/// turn log for <see cref="Retention"/>, then erased. Section "Transcripts".
/// </summary>
public sealed class TranscriptOptions
{
    public bool Enabled { get; set; }

    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
