using System.Text.Json.Nodes;

namespace CareerBot.Bot.Channels.BotFramework;

/// <summary>The synchronous answer to an <c>invoke</c> activity: an HTTP status and an optional JSON body.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body = null);
