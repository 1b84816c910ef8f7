using Microsoft.ML.Data;

namespace CareerBot.Knowledge.Intents;

/// <summary>One row the pipeline reads: an utterance's intent (empty when predicting), its analysed tokens and text.</summary>
internal sealed class IntentInput
{
    public string Label { get; set; } = string.Empty;

    [VectorType]
    public string[] Tokens { get; set; } = [];

    [VectorType]
    public string[] Words { get; set; } = [];

    public string Characters { get; set; } = string.Empty;

    /// <summary>The character n-grams of each word, padded <c>^word$</c>: grams never cross two words.</summary>
    [VectorType]
    public string[] WordCharacters { get; set; } = [];

    public float Weight { get; set; } = 1f;
}
