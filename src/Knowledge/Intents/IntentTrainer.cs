using System.Security.Cryptography;
using System.Text;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Intents;

/// <summary>
/// Fits an <see cref="IntentModel"/> over TF-IDF vectors of hashed word, stem and character
/// n-grams: one-vs-rest squared hinge (a linear SVM per intent, fitted by dual coordinate
/// descent) by default, multinomial logistic regression with L2 (L-BFGS to convergence), or a
/// blend of the two by <see cref="IntentTrainerOptions.HingeWeight"/>, always one linear model.
/// The cross-validation that chooses the out-of-scope threshold also calibrates the scores
/// (temperature scaling); both are stored with the model.
/// </summary>
public static class IntentTrainer
{
    public static IntentModel Fit(IReadOnlyList<LabeledUtterance> examples, SynonymMap synonyms) =>
        Fit(examples, synonyms, new IntentTrainerOptions());

    public static IntentModel Fit(IReadOnlyList<LabeledUtterance> examples, SynonymMap synonyms, IntentTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(synonyms);
        ArgumentNullException.ThrowIfNull(options);
        if (examples.Count == 0)
        {
            throw new ArgumentException("There is nothing to train on.", nameof(examples));
        }

        var threshold = options.FixedThreshold;
        var temperature = 1.0;
        if (options.ChooseThreshold && examples.Any(e => e.Intent == "out_of_scope"))
        {
            var predictions = CrossValidation.Predict(examples, synonyms, options with { ChooseThreshold = false, FixedThreshold = 0 });
            if (options.Calibrate)
            {
                temperature = FitTemperature(predictions);
                predictions = predictions.Select(p => Rescale(p, temperature)).ToArray();
            }

            threshold = ChooseThreshold(predictions, options.MaxInScopeDeclineRate);
        }

        return FitWithThreshold(examples, synonyms, options, threshold, temperature);
    }

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

    /// <summary>Hash of what a model is trained on: the examples in order and the synonym tokens.</summary>
    public static string TrainingHash(IReadOnlyList<LabeledUtterance> examples, SynonymMap synonyms, IntentTrainerOptions? options = null)
    {
        var builder = new StringBuilder();
        builder.Append(options ?? new IntentTrainerOptions()).Append('\n');
        foreach (var e in examples)
        {
            builder.Append(e.Intent).Append('\t').Append(e.Text).Append('\n');
        }

        foreach (var token in synonyms.Tokens.Order(StringComparer.Ordinal))
        {
            builder.Append(token).Append(' ');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
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

    internal static IntentModel FitWithThreshold(IReadOnlyList<LabeledUtterance> examples, SynonymMap synonyms, IntentTrainerOptions options, double threshold, double temperature = 1.0)
    {
        var classNames = examples.Select(e => e.Intent).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var classIndex = classNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var extractor = new FeatureExtractor(synonyms, options.StemFeatures);

        // Feature index and document frequencies, in first-seen order for determinism.
        var features = new Dictionary<ulong, int>();
        var documentFrequency = new List<int>();
        var counts = new Dictionary<ulong, int>();
        foreach (var example in examples)
        {
            counts.Clear();
            extractor.Extract(example.Text, counts);
            foreach (var hash in counts.Keys.Order())
            {
                if (!features.TryGetValue(hash, out var index))
                {
                    index = features.Count;
                    features[hash] = index;
                    documentFrequency.Add(0);
                }

                documentFrequency[index]++;
            }
        }

        var idf = documentFrequency.Select(df => (float)(Math.Log((1.0 + examples.Count) / (1.0 + df)) + 1.0)).ToArray();
        var vectors = examples.Select(e => IntentModel.Vectorize(extractor, features, idf, e.Text)).ToArray();
        var labels = examples.Select(e => classIndex[e.Intent]).ToArray();

        var classes = classNames.Length;
        var featureCount = features.Count;
        var weightCount = featureCount * classes;
        var weights0 = new double[examples.Count];
        var perClass = labels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        for (var i = 0; i < weights0.Length; i++)
        {
            weights0[i] = options.BalanceClasses ? examples.Count / (double)(classes * perClass[labels[i]]) : 1.0;
        }

        // Scores add, so the blend is stored as one set of weights: parameters = (1 - h) * logistic + h * scale * hinge.
        var blended = new double[weightCount + classes];
        foreach (var (squaredHinge, share) in new[] { (false, 1.0 - options.HingeWeight), (true, options.HingeWeight) })
        {
            if (share <= 0)
            {
                continue;
            }

            var fitted = squaredHinge
                ? SquaredHingeSolver.Fit(vectors, labels, weights0, classes, featureCount, options.HingeL2, options.HingeTolerance, options.MaxIterations, options.Seed)
                : Lbfgs.Minimize(new LogisticObjective(vectors, labels, weights0, classes, featureCount, options.L2).Evaluate, new double[weightCount + classes], options.MaxIterations, options.Tolerance).X;
            var scale = temperature * share * (squaredHinge ? options.MarginScale : 1.0);
            for (var i = 0; i < blended.Length; i++)
            {
                blended[i] += scale * fitted[i];
            }
        }

        var weights = new float[weightCount];
        for (var i = 0; i < weightCount; i++)
        {
            weights[i] = (float)blended[i];
        }

        var bias = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            bias[c] = (float)blended[weightCount + c];
        }

        return new IntentModel(classNames, features, idf, weights, bias, threshold, TrainingHash(examples, synonyms, options with { ChooseThreshold = true, FixedThreshold = 0 }), extractor);
    }

    /// <summary>
    /// Weighted mean softmax cross-entropy plus L2 on the weights; parameters are the weights then
    /// the biases.
    /// </summary>
    private sealed class LogisticObjective(List<(int Feature, float Value)>[] vectors, int[] labels, double[] exampleWeights, int classes, int featureCount, double l2)
    {
        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            gradient.Clear();
            var weightCount = featureCount * classes;
            var scores = new double[classes];
            var loss = 0.0;
            var n = exampleWeights.Sum();
            for (var e = 0; e < vectors.Length; e++)
            {
                for (var c = 0; c < classes; c++)
                {
                    scores[c] = x[weightCount + c];
                }

                foreach (var (feature, value) in vectors[e])
                {
                    var row = feature * classes;
                    for (var c = 0; c < classes; c++)
                    {
                        scores[c] += value * x[row + c];
                    }
                }

                var w = exampleWeights[e];
                loss += w * CrossEntropy(scores, labels[e]);
                for (var c = 0; c < classes; c++)
                {
                    scores[c] *= w;
                }
                foreach (var (feature, value) in vectors[e])
                {
                    var row = feature * classes;
                    for (var c = 0; c < classes; c++)
                    {
                        gradient[row + c] += value * scores[c] / n;
                    }
                }

                for (var c = 0; c < classes; c++)
                {
                    gradient[weightCount + c] += scores[c] / n;
                }
            }

            loss /= n;
            var penalty = 0.0;
            for (var i = 0; i < weightCount; i++)
            {
                penalty += x[i] * x[i];
                gradient[i] += l2 * x[i];
            }

            return loss + (0.5 * l2 * penalty);
        }

        /// <summary>The example's cross-entropy; leaves in <paramref name="scores"/> its gradient with respect to them.</summary>
        private static double CrossEntropy(double[] scores, int label)
        {
            IntentModel.Softmax(scores);
            var loss = -Math.Log(Math.Max(scores[label], 1e-300));
            scores[label] -= 1.0;
            return loss;
        }
    }
}
