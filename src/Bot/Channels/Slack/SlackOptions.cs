using System.ComponentModel.DataAnnotations;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// The Slack Events API adapter at <c>/api/slack</c>. Section "Slack". With no
/// <see cref="SigningSecret"/> the adapter is off and its routes answer 404.
/// </summary>
public sealed class SlackOptions : IValidatableObject
{
    /// <summary>The Slack app's signing secret: every request must be signed with it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot user OAuth token (<c>xoxb-…</c>) replies are posted with.</summary>
    public string? BotToken { get; set; }

    /// <summary>Where the Web API lives; tests point it at a local fake.</summary>
    [Url]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>A request whose timestamp is further than this from now is refused as a possible replay.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an event id is remembered, so Slack's retries of it are answered but not handled again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Event ids remembered at once; the oldest are forgotten first.</summary>
    [Range(100, 10_000_000)]
    public int DedupeCapacity { get; set; } = 10_000;

    /// <summary>Events waiting to be answered; beyond this an event is acknowledged, logged and dropped.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 100;

    /// <summary>Events answered at the same time.</summary>
    [Range(1, 64)]
    public int MaxConcurrentTurns { get; set; } = 4;

    /// <summary>Time allowed for one Web API call before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a Web API call after a 429 (honouring Retry-After), 5xx or timeout.</summary>
    [Range(0, 10)]
    public int ApiRetries { get; set; } = 3;

    /// <summary>First retry delay when Slack gives no Retry-After; later ones back off exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ApiRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when a signing secret is set.</summary>
    public bool Enabled => !string.IsNullOrEmpty(SigningSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(BotToken))
        {
            yield return new ValidationResult("Slack:BotToken is required when Slack:SigningSecret is set.", [nameof(BotToken)]);
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Slack:ApiBaseUrl must be an absolute http(s) URL.", [nameof(ApiBaseUrl)]);
        }
        else if (api.Scheme == "http" && !Http.Loopback.Is(api))
        {
            // The bot token goes there: plain http only to this machine (a local fake in tests).
            yield return new ValidationResult("Slack:ApiBaseUrl must be https (http only on a loopback address).", [nameof(ApiBaseUrl)]);
        }

        // A signed request is accepted for ReplayWindow either side of its timestamp, so a copy of it
        // can come back for twice that long: its ids must be remembered at least as long.
        if (DedupeWindow < 2 * ReplayWindow)
        {
            yield return new ValidationResult("Slack:DedupeWindow must be at least twice Slack:ReplayWindow, so a replayed request is recognised.", [nameof(DedupeWindow)]);
        }
    }
}
