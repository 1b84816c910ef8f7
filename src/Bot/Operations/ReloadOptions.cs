using System.ComponentModel.DataAnnotations;

namespace CareerBot.Bot.Operations;

/// <summary>When the running bot picks up a new index and model. Section "Reload".</summary>
public sealed class ReloadOptions
{
    /// <summary>Reload when <c>index</c> or <c>train</c> writes a new index or model into the data folder.</summary>
    public bool OnDataChange { get; set; } = true;

    /// <summary>Also reload (rebuilding and retraining as needed) when a guide, intent or synonym file changes.</summary>
    public bool WatchKnowledgeBase { get; set; }

    /// <summary>Quiet time after the last file event before reloading, so one save is one reload.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a replaced snapshot stays open for turns that started on it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetireAfter { get; set; } = TimeSpan.FromSeconds(30);
}
