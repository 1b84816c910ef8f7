using System.Text.Json.Serialization;

namespace CareerBot.Knowledge.Intents;

/// <summary>
/// What the model zip carries beside ML.NET's own entries: the format, the hash of what it was
/// trained on (utterances, synonyms, settings, analysis and ML.NET version), the calibration
/// applied on top of the pipeline's scores, and the settings the features are made with (the
/// prediction side reads a message as the training side read the utterances).
/// </summary>
internal sealed record IntentModelInfo(int FormatVersion, string TrainingHash, double Threshold, double Temperature, IntentTrainerOptions Options);

[JsonSerializable(typeof(IntentModelInfo))]
internal sealed partial class IntentModelInfoJsonContext : JsonSerializerContext;
