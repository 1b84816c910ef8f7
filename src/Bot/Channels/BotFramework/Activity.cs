using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>
/// A Bot Framework activity, as far as CareerBot reads or writes it. Fields it does not
/// model are kept in <see cref="Extra"/> and written back unchanged.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Timestamp { get; init; }

    public string? LocalTimestamp { get; init; }

    public string? LocalTimezone { get; init; }

    public string? ChannelId { get; init; }

    public string? ServiceUrl { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    public string? Locale { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Speak { get; init; }

    public string? InputHint { get; init; }

    public List<Attachment>? Attachments { get; init; }

    public string? AttachmentLayout { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public List<JsonObject>? Entities { get; init; }

    public JsonObject? ChannelData { get; init; }

    public JsonNode? Value { get; init; }

    public string? Name { get; init; }

    public string? Label { get; init; }

    public string? ValueType { get; init; }

    public List<ChannelAccount>? MembersAdded { get; init; }

    public List<ChannelAccount>? MembersRemoved { get; init; }

    public List<MessageReaction>? ReactionsAdded { get; init; }

    public List<MessageReaction>? ReactionsRemoved { get; init; }

    public string? DeliveryMode { get; init; }

    public string? Code { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A user or bot in a conversation.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The conversation an activity belongs to; echoed back unchanged in replies.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A card or file attached to a message.</summary>
public sealed record Attachment
{
    public string? ContentType { get; init; }

    public JsonNode? Content { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }

    public string? ThumbnailUrl { get; init; }
}

/// <summary>Buttons offered under a message, e.g. suggested questions.</summary>
public sealed record SuggestedActions
{
    public List<string>? To { get; init; }

    public List<CardAction> Actions { get; init; } = [];
}

/// <summary>A clickable action; <c>imBack</c> posts its value back as a message.</summary>
public sealed record CardAction
{
    public string Type { get; init; } = "imBack";

    public string? Title { get; init; }

    public JsonNode? Value { get; init; }

    public string? Text { get; init; }

    public string? DisplayText { get; init; }

    public string? Image { get; init; }
}

/// <summary>A reaction such as "like" on a message.</summary>
public sealed record MessageReaction
{
    public string? Type { get; init; }
}

/// <summary>The HTTP 200 body for <c>deliveryMode: expectReplies</c>.</summary>
public sealed record ExpectedReplies(List<Activity> Activities);
