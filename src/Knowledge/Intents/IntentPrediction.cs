namespace CareerBot.Knowledge.Intents;

/// <summary>An intent with the model's probability for it.</summary>
public readonly record struct ScoredIntent(Intent Intent, double Score);

/// <summary>
/// What the classifier made of a message: the intent to act on (out of scope when the best
/// score is under the model's threshold) and every intent with its probability, best first.
/// </summary>
public sealed record IntentPrediction(Intent Intent, double Score, IReadOnlyList<ScoredIntent> Ranked)
{
    /// <summary>The model's best guess before the threshold was applied.</summary>
    public ScoredIntent Best => Ranked[0];
}
