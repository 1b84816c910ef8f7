using System.Text.Json.Serialization;

namespace CareerBot.Bot.Channels.Slack;

/// <summary>Source-generated JSON for Slack's wire format: snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(SlackEnvelope))]
[JsonSerializable(typeof(SlackInteraction))]
[JsonSerializable(typeof(SlackPostMessage))]
[JsonSerializable(typeof(SlackApiResponse))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
