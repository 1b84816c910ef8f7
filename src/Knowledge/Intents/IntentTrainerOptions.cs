using System.ComponentModel.DataAnnotations;

namespace CareerBot.Knowledge.Intents;

/// <summary>The ML.NET multiclass trainers the intent pipeline can end in.</summary>
public enum IntentTrainerKind
{
    /// <summary>Multinomial logistic regression by stochastic dual coordinate ascent.</summary>
    SdcaMaximumEntropy,

    /// <summary>Multinomial logistic regression by L-BFGS.</summary>
    LbfgsMaximumEntropy,

    /// <summary>One linear SVM per intent (one versus all), Platt-calibrated.</summary>
    LinearSvm,

    /// <summary>One averaged perceptron per intent (one versus all), Platt-calibrated.</summary>
    AveragedPerceptron,

    /// <summary>One linear SVM per intent (one versus all, hinge loss) fitted by SDCA, i.e. dual coordinate descent; raw margins.</summary>
    SdcaHinge,

    /// <summary>As <see cref="SdcaHinge"/> with the smoothed hinge loss; raw margins.</summary>
    SdcaSmoothedHinge,
}

/// <summary>How an n-gram's count becomes its feature value.</summary>
public enum IntentNgramWeighting
{
    /// <summary>The count.</summary>
    Tf,

    /// <summary>The count times the inverse document frequency.</summary>
    TfIdf,

    /// <summary>Both, side by side: the inverse document frequency softened, as a smoothed IDF of 1 + log(n / df) would.</summary>
    TfAndTfIdf,
}

/// <summary>How <see cref="IntentTrainer"/> fits a model (the features, the trainer and the out-of-scope threshold).</summary>
public sealed record IntentTrainerOptions
{
    /// <summary>The multiclass trainer at the end of the pipeline (docs/quality.md compares them).</summary>
    public IntentTrainerKind Trainer { get; init; } = IntentTrainerKind.LbfgsMaximumEntropy;

    /// <summary>L2 regularisation of the trainer (SDCA and L-BFGS: L2 weight; SVM: lambda; perceptron: L2 weight).</summary>
    [Range(0.0, 10.0)]
    public double L2 { get; init; } = 1e-4;

    /// <summary>Most passes (SDCA, SVM, perceptron) or iterations (L-BFGS) over the examples.</summary>
    [Range(1, 10_000)]
    public int MaxIterations { get; init; } = 60;

    /// <summary>Longest word n-gram over the analysed terms (1 = words alone, 2 = words and pairs).</summary>
    [Range(1, 3)]
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Longest word n-gram over the words as written, stop words kept (0 = none).</summary>
    [Range(0, 3)]
    public int SurfaceWordNgramLength { get; init; } = 2;

    /// <summary>Words a word n-gram may skip (1: "how ... earn" beside "how much").</summary>
    [Range(0, 2)]
    public int WordSkipLength { get; init; }

    /// <summary>Longest character n-gram over the text (0 = none).</summary>
    [Range(0, 6)]
    public int CharNgramLength { get; init; } = 4;

    /// <summary>Shortest character n-gram over the text.</summary>
    [Range(1, 6)]
    public int CharNgramMinLength { get; init; } = 3;

    /// <summary>Mark the start and end of the text (<c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c>), so bigrams see the first and last word as such.</summary>
    public bool SentenceMarkers { get; init; }

    /// <summary>Character n-grams of each word padded <c>^word$</c> (never across two words) instead of the whole text's.</summary>
    public bool CharactersPerWord { get; init; }

    /// <summary>How n-gram counts are weighted.</summary>
    public IntentNgramWeighting Weighting { get; init; } = IntentNgramWeighting.TfIdf;

    /// <summary>Scale each feature vector to unit length.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>The margin trainers' scores are multiplied by this before the softmax that makes them probabilities.</summary>
    [Range(0.01, 100.0)]
    public double MarginScale { get; init; } = 3.0;

    /// <summary>Weigh each intent's examples so every intent counts the same, however many utterances it has.</summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>
    /// Scale every score after fitting by the factor that gives the cross-validation's held-out
    /// predictions the lowest log-loss (temperature scaling), so a probability of 0.8 means about
    /// 80% right. Only when the threshold is chosen by cross-validation, which provides them.
    /// </summary>
    public bool Calibrate { get; init; } = true;

    /// <summary>Folds of the cross-validation that picks the out-of-scope threshold.</summary>
    [Range(2, 20)]
    public int Folds { get; init; } = 5;

    /// <summary>Seeds the fold assignment and ML.NET; the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 20261122;

    /// <summary>Most in-scope messages the threshold may turn away, as a share of them.</summary>
    [Range(0.0, 1.0)]
    public double MaxInScopeDeclineRate { get; init; } = 0.02;

    /// <summary>Pick the threshold by cross-validation; when false, <see cref="FixedThreshold"/> is used.</summary>
    public bool ChooseThreshold { get; init; } = true;

    [Range(0.0, 1.0)]
    public double FixedThreshold { get; init; }
}
