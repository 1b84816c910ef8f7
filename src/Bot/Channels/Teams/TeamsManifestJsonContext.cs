using System.Text.Json.Serialization;

namespace CareerBot.Bot.Channels.Teams;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(TeamsManifest))]
internal sealed partial class TeamsManifestJsonContext : JsonSerializerContext;
