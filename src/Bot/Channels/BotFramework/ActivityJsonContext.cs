using System.Text.Json.Serialization;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>Source-generated JSON for the wire protocol: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
internal sealed partial class ActivityJsonContext : JsonSerializerContext;

/// <summary>What the Connector answers to a posted activity.</summary>
public sealed record ResourceResponse(string? Id);
