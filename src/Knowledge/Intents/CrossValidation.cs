using CareerBot.Knowledge.Analysis;

namespace CareerBot.Knowledge.Intents;

/// <summary>Stratified k-fold cross-validation of the intent classifier, with a fixed seed.</summary>
public static class CrossValidation
{
    /// <summary>
    /// A held-out prediction: the expected and predicted intent names and the top probability;
    /// for calibration, also every intent's probability in the fold model's class order and the
    /// expected intent's place in it.
    /// </summary>
    public readonly record struct Prediction(string Text, string Expected, string Predicted, double Score, IReadOnlyList<double>? Probabilities = null, int ExpectedIndex = -1);

    /// <summary>
    /// Predicts every example with a model trained on the other folds. With
    /// <see cref="IntentTrainerOptions.ChooseThreshold"/> each fold model chooses its own
    /// threshold from its own training data, so the figures are honest.
    /// </summary>
    public static IReadOnlyList<Prediction> Predict(IReadOnlyList<LabeledUtterance> examples, SynonymRules synonyms, IntentTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var folds = AssignFolds(examples, options.Folds, options.Seed);
        var predictions = new Prediction[examples.Count];

        // The folds are independent and each fit is deterministic, so they run side by side;
        // each writes only its own examples' predictions, and the result is the same as in turn.
        Parallel.For(0, options.Folds, fold =>
        {
            var training = examples.Where((_, i) => folds[i] != fold).ToArray();
            if (training.Length == 0)
            {
                return;
            }

            using var model = IntentTrainer.Fit(training, synonyms, options);
            for (var i = 0; i < examples.Count; i++)
            {
                if (folds[i] != fold)
                {
                    continue;
                }

                var prediction = model.Classify(examples[i].Text);
                var probabilities = new double[model.ClassNames.Count];
                foreach (var scored in prediction.Ranked)
                {
                    probabilities[IndexOf(model.ClassNames, scored.Intent.Name)] = scored.Score;
                }

                predictions[i] = new Prediction(examples[i].Text, examples[i].Intent, prediction.Intent.Name, prediction.Score, probabilities, IndexOf(model.ClassNames, examples[i].Intent));
            }
        });

        return predictions;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Deals each intent's examples, shuffled by <paramref name="seed"/>, round-robin into folds.</summary>
    internal static int[] AssignFolds(IReadOnlyList<LabeledUtterance> examples, int folds, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[examples.Count];
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Intent, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var indices = group.ToArray();
            random.Shuffle(indices);
            for (var k = 0; k < indices.Length; k++)
            {
                assignment[indices[k]] = k % folds;
            }
        }

        return assignment;
    }
}
