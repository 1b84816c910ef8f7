using System.Text.Json.Serialization;
using CareerBot.Bot.Channels.BotFramework;

namespace CareerBot.Bot.Channels.DirectLine;

/// <summary>A started or reconnected conversation, and what the token routes return (without a stream URL).</summary>
internal sealed record DirectLineConversationInfo(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

/// <summary>Optional body of <c>tokens/generate</c> and <c>POST /conversations</c>: who the user is.</summary>
internal sealed record DirectLineStartRequest(ChannelAccount? User);

/// <summary>What the careers page gets from <c>POST /api/directline/token</c>: a token and where to use it.</summary>
internal sealed record WebChatToken(
    string Token,
    string ConversationId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string Domain,
    bool WebSocket);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(DirectLineConversationInfo))]
[JsonSerializable(typeof(DirectLineStartRequest))]
[JsonSerializable(typeof(WebChatToken))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;
