using System.Text.Json.Nodes;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>
/// What the Events API posts: <c>url_verification</c> (with <see cref="Challenge"/>) or
/// <c>event_callback</c> (with <see cref="Event"/>). The deprecated verification token is not read.
/// </summary>
internal sealed record SlackEnvelope
{
    public string? Type { get; init; }

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    public string? EventId { get; init; }

    public SlackEvent? Event { get; init; }

    public List<SlackAuthorization>? Authorizations { get; init; }
}

/// <summary>A <c>message</c> or <c>app_mention</c> event, as far as the bot reads it.</summary>
internal sealed record SlackEvent
{
    public string? Type { get; init; }

    public string? Subtype { get; init; }

    public string? Channel { get; init; }

    public string? ChannelType { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }

    public string? Team { get; init; }

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }
}

/// <summary>Who the event was delivered for; for a bot installation, the bot's own user.</summary>
internal sealed record SlackAuthorization
{
    public string? UserId { get; init; }

    public string? TeamId { get; init; }

    public bool? IsBot { get; init; }
}

/// <summary>An Interactivity payload (the form field <c>payload</c>); <c>block_actions</c> for button clicks.</summary>
internal sealed record SlackInteraction
{
    public string? Type { get; init; }

    public SlackIdentity? User { get; init; }

    public SlackIdentity? Team { get; init; }

    public SlackIdentity? Channel { get; init; }

    public SlackContainer? Container { get; init; }

    public SlackMessageRef? Message { get; init; }

    public List<SlackAction>? Actions { get; init; }

    /// <summary>Slack's id of this one interaction: a replayed payload carries the same.</summary>
    public string? TriggerId { get; init; }
}

/// <summary>A user, team or channel reference in an interaction payload.</summary>
internal sealed record SlackIdentity
{
    public string? Id { get; init; }

    public string? TeamId { get; init; }
}

/// <summary>Where the clicked element sits.</summary>
internal sealed record SlackContainer
{
    public string? Type { get; init; }

    public string? ChannelId { get; init; }

    public string? MessageTs { get; init; }

    public string? ThreadTs { get; init; }
}

/// <summary>The message holding the clicked button.</summary>
internal sealed record SlackMessageRef
{
    public string? Ts { get; init; }

    /// <summary>Who posted it: the bot, for its own suggestion buttons.</summary>
    public string? User { get; init; }

    public string? ThreadTs { get; init; }
}

/// <summary>One clicked Block Kit element.</summary>
internal sealed record SlackAction
{
    public string? Type { get; init; }

    public string? ActionId { get; init; }

    public string? BlockId { get; init; }

    public string? Value { get; init; }

    public string? ActionTs { get; init; }
}

/// <summary>The body of <c>chat.postMessage</c>.</summary>
internal sealed record SlackPostMessage
{
    public required string Channel { get; init; }

    public required string Text { get; init; }

    public string? ThreadTs { get; init; }

    public JsonArray? Blocks { get; init; }
}

/// <summary>Every Web API answer: <c>{ok:true, ts, …}</c> or <c>{ok:false, error}</c>.</summary>
internal sealed record SlackApiResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    public string? Ts { get; init; }
}
