using System.ComponentModel.DataAnnotations;

namespace CareerBot.Bot;

/// <summary>Limits and delivery settings of the bot endpoint. Section "Bot".</summary>
public sealed class BotOptions : IValidatableObject
{
    /// <summary>Largest request body accepted on /api/messages; larger ones get 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Service URLs replies may be posted to when no app id is set (anonymous development mode):
    /// absolute http(s) URLs, matched on scheme, host and port, then as a path prefix on whole
    /// segments (see <see cref="Channels.BotFramework.ServiceUrlAllowList"/>). Loopback addresses
    /// are allowed for callers on loopback, so the Emulator beside the bot works.
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>
    /// App ids (GUIDs) of other apps whose Microsoft Entra tokens the bot accepts besides its own
    /// (a parent bot calling this one as a skill). Empty by default: an Entra token is accepted only
    /// when its calling app (<c>appid</c> in v1 tokens, <c>azp</c> in v2) is the bot's own app id.
    /// </summary>
    public List<string> AllowedCallers { get; set; } = [];

    /// <summary>Time allowed for one Connector API call before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a Connector call after a 429, 5xx or timeout.</summary>
    [Range(0, 10)]
    public int ConnectorRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones back off exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConnectorRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Messages one user may send per minute on average; 0 turns throttling off.</summary>
    [Range(0, 100_000)]
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Messages one user may send in a quick burst before the per-minute rate applies.</summary>
    [Range(1, 10_000)]
    public int MessageBurst { get; set; } = 10;

    /// <summary>Turns handled at once; requests beyond this get 503 with Retry-After instead of queueing.</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentTurns { get; set; } = 64;

    /// <summary>Attachments accepted on one activity; more is a 400.</summary>
    [Range(0, 1000)]
    public int MaxAttachments { get; set; } = 10;

    /// <summary>Show each source's guide date ("as of 2026-01-15") next to it in answers.</summary>
    public bool ShowSourceDates { get; set; }

    /// <summary>Deepest JSON nesting accepted in an activity; deeper is a 400.</summary>
    [Range(8, 256)]
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>Longest question text read; the rest is ignored (trimmed for analysis, not refused).</summary>
    [Range(16, 100_000)]
    public int MaxTextLength { get; set; } = 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var caller in AllowedCallers)
        {
            if (!Guid.TryParse(caller, out _))
            {
                yield return new ValidationResult($"Bot:AllowedCallers entries must be app ids (GUIDs); '{caller}' is not (no wildcard is accepted).", [nameof(AllowedCallers)]);
            }
        }

        foreach (var entry in AllowedServiceUrls)
        {
            if (Channels.BotFramework.ServiceUrlAllowList.Problem(entry) is { } problem)
            {
                yield return new ValidationResult($"Bot:AllowedServiceUrls entry '{entry}' {problem}.", [nameof(AllowedServiceUrls)]);
            }
        }
    }
}
