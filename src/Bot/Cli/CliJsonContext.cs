using System.Text.Json.Serialization;

namespace CareerBot.Bot.Cli;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(AskOutput))]
[JsonSerializable(typeof(CareerBot.Bot.Operations.OperatorReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
