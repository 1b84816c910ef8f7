using System.ComponentModel.DataAnnotations;

namespace CareerBot.Knowledge.Intents;

/// <summary>How <see cref="IntentTrainer"/> fits a model.</summary>
public sealed record IntentTrainerOptions
{
    /// <summary>L2 regularisation strength on the weights (not the biases).</summary>
    [Range(0.0, 10.0)]
    public double L2 { get; init; } = 1e-5;

    /// <summary>Weigh each intent's examples so every intent counts the same, however many utterances it has.</summary>
    public bool BalanceClasses { get; init; } = true;

    [Range(1, 10_000)]
    public int MaxIterations { get; init; } = 400;

    [Range(1e-12, 1.0)]
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>Folds of the cross-validation that picks the out-of-scope threshold.</summary>
    [Range(2, 20)]
    public int Folds { get; init; } = 5;

    /// <summary>Seeds the fold assignment; the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 20261122;

    /// <summary>Most in-scope messages the threshold may turn away, as a share of them.</summary>
    [Range(0.0, 1.0)]
    public double MaxInScopeDeclineRate { get; init; } = 0.02;

    /// <summary>Pick the threshold by cross-validation; when false, <see cref="FixedThreshold"/> is used.</summary>
    public bool ChooseThreshold { get; init; } = true;

    [Range(0.0, 1.0)]
    public double FixedThreshold { get; init; }
}
