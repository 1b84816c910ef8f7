using System.ComponentModel.DataAnnotations;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>
/// The embedded Direct Line 3.0 channel and the careers page's token endpoint. Section "DirectLine".
/// </summary>
public sealed class DirectLineOptions
{
    /// <summary>
    /// Server-side secret that authorises <c>/v3/directline/tokens/generate</c> and starting a
    /// conversation with the secret itself (for Direct Line clients other than the careers
    /// page). Empty turns those two off; the page's token endpoint works either way. Also
    /// seeds the token signing key, so tokens survive a restart only when it is set.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a token is valid; clients refresh it before then.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A conversation with no activity for this long is forgotten (its routes then answer 404).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Activities kept per conversation; older ones are dropped from the feed first.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>Conversations held at once; starting one more beyond this answers 503.</summary>
    [Range(1, 10_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Tokens one client address may get from <c>POST /api/directline/token</c> per minute.</summary>
    [Range(1, 10_000)]
    public int TokenRequestsPerMinute { get; set; } = 20;

    /// <summary>Origins (scheme://host[:port]) of pages on other sites allowed to use the channel (CORS).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// An Azure Bot Service Direct Line secret. When set, <c>POST /api/directline/token</c>
    /// exchanges it for an Azure token and the page talks to Azure instead of the embedded channel.
    /// </summary>
    public string? AzureSecret { get; set; }

    /// <summary>The Azure Direct Line endpoint used with <see cref="AzureSecret"/>.</summary>
    [Url]
    public string AzureEndpoint { get; set; } = "https://directline.botframework.com/v3/directline";
}
