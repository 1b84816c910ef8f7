using CareerBot.Knowledge.Analysis;

namespace CareerBot.Knowledge.Intents;

/// <summary>
/// Fits an <see cref="IntentModel"/>: the ML.NET pipeline (<see cref="IntentPipeline"/>) on every
/// example, and beside it a stratified cross-validation whose held-out predictions calibrate the
/// scores (temperature scaling) and choose the out-of-scope threshold; both are stored with the model.
/// </summary>
public static class IntentTrainer
{
    public static IntentModel Fit(IReadOnlyList<LabeledUtterance> examples, SynonymRules synonyms) =>
        Fit(examples, synonyms, new IntentTrainerOptions());

    public static IntentModel Fit(IReadOnlyList<LabeledUtterance> examples, SynonymRules synonyms, IntentTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(synonyms);
        ArgumentNullException.ThrowIfNull(options);
        if (examples.Count == 0)
        {
            throw new ArgumentException("There is nothing to train on.", nameof(examples));
        }

        var hash = TrainingHash(examples, synonyms, options);
        if (!options.ChooseThreshold || !examples.Any(e => e.Intent == "out_of_scope"))
        {
            return new IntentModel(IntentPipeline.Fit(examples, synonyms, options), new IntentModelInfo(IntentModel.FormatVersion, hash, options.FixedThreshold, 1.0, options), synonyms);
        }

        // The final fit needs nothing from the cross-validation (calibration sits on top), so it runs beside it.
        var final = Task.Run(() => IntentPipeline.Fit(examples, synonyms, options));
        IReadOnlyList<CrossValidation.Prediction> predictions = CrossValidation.Predict(examples, synonyms, options with { ChooseThreshold = false, FixedThreshold = 0 });
        var temperature = 1.0;
        if (options.Calibrate)
        {
            temperature = FitTemperature(predictions);
            predictions = predictions.Select(p => Rescale(p, temperature)).ToArray();
        }

        var threshold = ChooseThreshold(predictions, options.MaxInScopeDeclineRate);
        return new IntentModel(final.GetAwaiter().GetResult(), new IntentModelInfo(IntentModel.FormatVersion, hash, threshold, temperature, options), synonyms);
    }

    /// <summary>Hash of what a model is trained on (see <see cref="IntentModel.ComputeTrainingHash"/>); the threshold settings are left out, as the model records the threshold itself.</summary>
    public static string TrainingHash(IReadOnlyList<LabeledUtterance> examples, SynonymRules synonyms, IntentTrainerOptions options) =>
        IntentModel.ComputeTrainingHash(examples, synonyms, options with { ChooseThreshold = true, FixedThreshold = 0 });

    /// <summary>
    /// Temperature scaling: the factor for all scores that gives the held-out predictions the
    /// lowest log-loss, so that of the messages given 0.8, about 80% are right. It scales every
    /// intent's score alike, so it never changes which intent is best.
    /// </summary>
    internal static double FitTemperature(IReadOnlyList<CrossValidation.Prediction> predictions)
    {
        var usable = predictions.Where(p => p.Probabilities is { Count: > 0 } && p.ExpectedIndex >= 0).ToArray();
        if (usable.Length == 0)
        {
            return 1.0;
        }

        double Loss(double factor) => -usable.Sum(p => Math.Log(Math.Max(Rescaled(p.Probabilities!, factor)[p.ExpectedIndex], 1e-300)));

        // The log-loss is convex in the factor: golden-section search over [0.1, 10] on a log scale.
        var low = Math.Log(0.1);
        var high = Math.Log(10.0);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = high - (ratio * (high - low));
        var b = low + (ratio * (high - low));
        double fa = Loss(Math.Exp(a)), fb = Loss(Math.Exp(b));
        while (high - low > 1e-4)
        {
            if (fa <= fb)
            {
                high = b;
                b = a;
                fb = fa;
                a = high - (ratio * (high - low));
                fa = Loss(Math.Exp(a));
            }
            else
            {
                low = a;
                a = b;
                fa = fb;
                b = low + (ratio * (high - low));
                fb = Loss(Math.Exp(b));
            }
        }

        return Math.Exp((low + high) / 2);
    }

    /// <summary>The held-out prediction as the model scaled by <paramref name="factor"/> would give it.</summary>
    private static CrossValidation.Prediction Rescale(CrossValidation.Prediction p, double factor)
    {
        if (p.Probabilities is not { Count: > 0 } probabilities)
        {
            return p;
        }

        var rescaled = Rescaled(probabilities, factor);
        return p with { Score = rescaled.Max(), Probabilities = rescaled };
    }

    /// <summary>softmax(factor × log p): the probabilities a model with every score scaled by the factor gives.</summary>
    private static double[] Rescaled(IReadOnlyList<double> probabilities, double factor)
    {
        var scaled = probabilities.Select(q => factor * Math.Log(Math.Max(q, 1e-300))).ToArray();
        var max = scaled.Max();
        var sum = scaled.Sum(z => Math.Exp(z - max));
        return scaled.Select(z => Math.Exp(z - max) / sum).ToArray();
    }

    /// <summary>
    /// The threshold that separates out-of-scope from in-scope messages in held-out predictions
    /// (Youden's J: the share of out-of-scope messages caught less the share of in-scope ones
    /// turned away), among those that turn away at most the allowed share of in-scope messages.
    /// By the one-standard-error rule it is the lowest threshold whose J is within one standard
    /// error of the best: a higher one must catch clearly more, not just a message or two more of
    /// a few hundred, to be worth the in-scope questions it turns away.
    /// </summary>
    internal static double ChooseThreshold(IReadOnlyList<CrossValidation.Prediction> predictions, double maxInScopeDecline)
    {
        var inScope = predictions.Where(p => p.Expected != "out_of_scope").ToArray();
        var outOfScope = predictions.Where(p => p.Expected == "out_of_scope").ToArray();
        if (inScope.Length == 0 || outOfScope.Length == 0)
        {
            return 0;
        }

        var floor = inScope.Count(p => p.Predicted == "out_of_scope") / (double)inScope.Length;
        var candidates = new List<(double Threshold, double J)>();
        var bestJ = double.NegativeInfinity;
        var bestError = 0.0;
        for (var step = 0; step <= 38; step++)
        {
            var t = step * 0.025;
            var declined = inScope.Count(p => p.Predicted == "out_of_scope" || p.Score < t) / (double)inScope.Length;
            var caught = outOfScope.Count(p => p.Predicted == "out_of_scope" || p.Score < t) / (double)outOfScope.Length;
            if (declined > Math.Max(maxInScopeDecline, floor) + 1e-9)
            {
                continue;
            }

            var j = caught - declined;
            candidates.Add((t, j));
            if (j > bestJ + 1e-9)
            {
                bestJ = j;
                bestError = Math.Sqrt((caught * (1 - caught) / outOfScope.Length) + (declined * (1 - declined) / inScope.Length));
            }
        }

        foreach (var (t, j) in candidates)
        {
            if (j >= bestJ - bestError - 1e-9)
            {
                return t;
            }
        }

        return 0;
    }
}
