namespace CareerBot.Knowledge.Intents;

/// <summary>The intent seam: text in, intent with probabilities out. <see cref="IntentModel"/> implements it.</summary>
public interface IIntentClassifier
{
    /// <summary>Every intent the classifier can return, by name.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>Below this probability the best intent is not trusted.</summary>
    double Threshold { get; }

    IntentPrediction Classify(string text);
}
