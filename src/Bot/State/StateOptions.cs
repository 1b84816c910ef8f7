using System.ComponentModel.DataAnnotations;

namespace CareerBot.Bot.State;

/// <summary>Where conversation state lives and how long it is kept. Section "State".</summary>
public sealed class StateOptions
{
    /// <summary>Idle time after which a conversation's state is forgotten.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Most conversations kept in memory at once (about 700 bytes each); past it the least recently
    /// written are forgotten, with a warning in the log. Ten thousand conversations an hour is a busy
    /// careers page for one instance; more traffic, or several instances, want Blob storage.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxItems { get; set; } = 10_000;

    /// <summary>Azure Blob Storage connection string; empty keeps state in memory.</summary>
    public string? BlobConnectionString { get; set; }

    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "State:BlobContainer must be a valid blob container name")]
    public string BlobContainer { get; set; } = "careerbot-state";

    /// <summary>A storage call slower than this is abandoned; the turn goes on without context.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}
