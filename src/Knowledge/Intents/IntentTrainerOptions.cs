using System.ComponentModel.DataAnnotations;

namespace CareerBot.Knowledge.Intents;

/// <summary>How <see cref="IntentTrainer"/> fits a model.</summary>
public sealed record IntentTrainerOptions
{
    /// <summary>L2 regularisation strength on the logistic model's weights (not the biases).</summary>
    [Range(0.0, 10.0)]
    public double L2 { get; init; } = 1e-5;

    /// <summary>
    /// Share of the one-vs-rest squared-hinge model (a linear SVM per intent) in the classifier's
    /// scores; the rest is the multinomial logistic model. 0 is the logistic model alone, 1 the
    /// SVMs alone. Both are fitted on the same TF-IDF vectors and their scores are added with these
    /// weights, so the blend is one linear model and costs nothing more to predict. The SVMs alone
    /// are the default: with <see cref="StemFeatures"/> they raise the cross-validated macro-F1 over
    /// four fold seeds from 0.934 (logistic) to 0.945, classify more of the evaluation questions
    /// correctly, and train in less time than the logistic model (docs/quality.md). A blend trains both.
    /// </summary>
    [Range(0.0, 1.0)]
    public double HingeWeight { get; init; } = 1.0;

    /// <summary>L2 regularisation strength on the squared-hinge model's weights (not the biases).</summary>
    [Range(0.0, 10.0)]
    public double HingeL2 { get; init; } = 1e-4;

    /// <summary>
    /// What the squared-hinge margins are multiplied by before they are blended with the logistic
    /// model's scores. At 3 the SVMs' held-out confidence in the best intent matches the logistic
    /// model's (mean 0.85 in cross-validation), so a blend weighs the two as
    /// <see cref="HingeWeight"/> says. How confident the final model is, is then set by
    /// <see cref="Calibrate"/>.
    /// </summary>
    [Range(0.01, 100.0)]
    public double MarginScale { get; init; } = 3.0;

    /// <summary>
    /// Scale every score after fitting by the factor that gives the cross-validation's held-out
    /// predictions the lowest log-loss (temperature scaling), so a probability of 0.8 means about
    /// 80% right. Only when the threshold is chosen by cross-validation, which provides them.
    /// </summary>
    public bool Calibrate { get; init; } = true;

    /// <summary>
    /// Add the Porter stems of the words as unigrams and bigrams beside the surface words. The
    /// model file records it, so a loaded model extracts the features it was trained on.
    /// </summary>
    public bool StemFeatures { get; init; } = true;

    /// <summary>Weigh each intent's examples so every intent counts the same, however many utterances it has.</summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>Most L-BFGS iterations for the logistic model, and most passes over the examples for each SVM.</summary>
    [Range(1, 10_000)]
    public int MaxIterations { get; init; } = 400;

    /// <summary>Relative gradient norm at which L-BFGS stops fitting the logistic model.</summary>
    [Range(1e-12, 1.0)]
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>
    /// Spread of the projected dual gradient over a pass at which dual coordinate descent stops
    /// fitting an intent's SVM: 0.1 (LIBLINEAR's default) gives the cross-validated figures of
    /// 0.01 and 0.001 to within 0.001, in about half and a third of the time.
    /// </summary>
    [Range(1e-12, 10.0)]
    public double HingeTolerance { get; init; } = 0.1;

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
