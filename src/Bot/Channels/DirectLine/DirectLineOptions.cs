using System.ComponentModel.DataAnnotations;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>
/// The embedded Direct Line 3.0 channel and the careers page's token endpoint. Section "DirectLine".
/// </summary>
public sealed class DirectLineOptions : IValidatableObject
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

    /// <summary>
    /// Bytes one conversation's feed may hold (each activity counted as its JSON); past it the
    /// oldest activities are dropped first, and one activity larger than this is refused (413).
    /// </summary>
    [Range(64 * 1024, 1L << 30)]
    public long MaxFeedBytesPerConversation { get; set; } = 1024 * 1024;

    /// <summary>
    /// Bytes all conversations' feeds may hold together; a post that would go past it is refused
    /// (503 with Retry-After) and a bot reply that would is dropped, until idle conversations expire.
    /// </summary>
    [Range(64 * 1024, 1L << 40)]
    public long MaxFeedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Activities one token (one conversation) may post per minute on average, checked before an
    /// activity is echoed into the feed; beyond it a post gets 429 with Retry-After. 0 turns it off.
    /// </summary>
    [Range(0, 100_000)]
    public int PostsPerMinute { get; set; } = 30;

    /// <summary>Posts one token may make in a quick burst before <see cref="PostsPerMinute"/> applies.</summary>
    [Range(1, 10_000)]
    public int PostBurst { get; set; } = 10;

    /// <summary>
    /// Bytes of one posted activity (the request body), at most <c>Bot:MaxBodyBytes</c>; larger gets 413.
    /// A typed message is a few hundred bytes, and every post is kept in the feed, counted against
    /// <see cref="MaxFeedBytes"/>: at 256 KiB a post, a few dozen tokens filled the feeds of everyone.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>Conversations held at once; starting one more beyond this answers 503.</summary>
    [Range(1, 10_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>
    /// Conversations one client address (an IPv4 address, an IPv6 /64) may hold open at once through
    /// <c>POST /api/directline/token</c>; past it the endpoint answers 429 until one expires. Without it
    /// one client, taking tokens at the per-minute rate and keeping them alive, could fill
    /// <see cref="MaxConversations"/> and the feed bytes every visitor shares.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxConversationsPerAddress { get; set; } = 50;

    /// <summary>
    /// Bytes the feeds of one client address's conversations (an IPv4 address, an IPv6 /64, as for
    /// <see cref="MaxConversationsPerAddress"/>) may hold together; a post that would go past it gets 429
    /// with Retry-After, and the bot's reply that would is dropped, until the address's conversations
    /// drop or expire. Without it one client holding its 50 conversations at their 1 MiB bound could
    /// keep 50 MiB of the feed bytes every visitor shares, and five such clients all of them.
    /// Conversations started with the secret are not counted.
    /// </summary>
    [Range(64 * 1024, 1L << 40)]
    public long MaxFeedBytesPerAddress { get; set; } = 8 * 1024 * 1024;

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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxFeedBytes < MaxFeedBytesPerConversation)
        {
            yield return new ValidationResult("DirectLine:MaxFeedBytes must be at least DirectLine:MaxFeedBytesPerConversation.", [nameof(MaxFeedBytes)]);
        }

        if (MaxFeedBytesPerAddress < MaxFeedBytesPerConversation)
        {
            yield return new ValidationResult("DirectLine:MaxFeedBytesPerAddress must be at least DirectLine:MaxFeedBytesPerConversation.", [nameof(MaxFeedBytesPerAddress)]);
        }

        if (!Uri.TryCreate(AzureEndpoint, UriKind.Absolute, out var azure) || azure.Scheme != Uri.UriSchemeHttps || azure.UserInfo.Length > 0)
        {
            yield return new ValidationResult($"DirectLine:AzureEndpoint must be an absolute https URL; '{AzureEndpoint}' is not.", [nameof(AzureEndpoint)]);
        }
    }
}
