namespace CareerBot.Knowledge.Intents;

/// <summary>
/// One-vs-rest linear SVMs with the squared hinge loss, fitted by dual coordinate descent
/// (Hsieh et al., "A Dual Coordinate Descent Method for Large-scale Linear SVM", ICML 2008):
/// for each intent, minimises
/// <c>(1/n) Σ aᵢ max(0, 1 − yᵢ(w·xᵢ + b))² + ½ λ ‖w‖²</c> with yᵢ = +1 for the intent's examples
/// and −1 for the rest, aᵢ the example weights and n their sum. Each step solves one example's
/// dual variable exactly, so a pass costs one sweep over the non-zero features; L-BFGS on the
/// same objective needs many such sweeps. The bias is an extra feature of value 1, so it is
/// regularised as lightly as a weight. Deterministic: examples are visited in an order shuffled
/// by a fixed seed.
/// </summary>
public static class SquaredHingeSolver
{
    /// <summary>
    /// Returns the weights laid out as the trainer stores them (feature-major, then one bias per
    /// class at the end). Stops an intent's fit when the projected gradient's spread over a pass
    /// falls below <paramref name="tolerance"/>, or after <paramref name="maxPasses"/> passes.
    /// </summary>
    public static double[] Fit(
        IReadOnlyList<List<(int Feature, float Value)>> vectors,
        IReadOnlyList<int> labels,
        IReadOnlyList<double> exampleWeights,
        int classes,
        int featureCount,
        double l2,
        double tolerance,
        int maxPasses,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(exampleWeights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(l2);
        var count = vectors.Count;
        var total = exampleWeights.Sum();

        // Diagonal of each example's dual term, D = 1 / (2C) with C = a / (n λ), and ‖x‖² with the bias feature.
        var diagonal = new double[count];
        var squaredNorms = new double[count];
        for (var i = 0; i < count; i++)
        {
            diagonal[i] = total * l2 / (2.0 * exampleWeights[i]);
            var norm = 1.0;
            foreach (var (_, value) in vectors[i])
            {
                norm += (double)value * value;
            }

            squaredNorms[i] = norm;
        }

        var parameters = new double[(featureCount * classes) + classes];
        var w = new double[featureCount];
        var alpha = new double[count];
        var order = new int[count];
        for (var c = 0; c < classes; c++)
        {
            Array.Clear(w);
            Array.Clear(alpha);
            var bias = 0.0;
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
            }

            var random = new Random(seed + c);
            for (var pass = 0; pass < maxPasses; pass++)
            {
                random.Shuffle(order);
                var largest = double.NegativeInfinity;
                var smallest = double.PositiveInfinity;
                foreach (var i in order)
                {
                    var y = labels[i] == c ? 1.0 : -1.0;
                    var margin = bias;
                    foreach (var (feature, value) in vectors[i])
                    {
                        margin += w[feature] * value;
                    }

                    var gradient = (y * margin) - 1.0 + (diagonal[i] * alpha[i]);
                    var projected = alpha[i] == 0 ? Math.Min(gradient, 0) : gradient;
                    largest = Math.Max(largest, projected);
                    smallest = Math.Min(smallest, projected);
                    if (projected == 0)
                    {
                        continue;
                    }

                    var previous = alpha[i];
                    alpha[i] = Math.Max(previous - (gradient / (squaredNorms[i] + diagonal[i])), 0);
                    var step = (alpha[i] - previous) * y;
                    foreach (var (feature, value) in vectors[i])
                    {
                        w[feature] += step * value;
                    }

                    bias += step;
                }

                if (largest - smallest < tolerance)
                {
                    break;
                }
            }

            for (var f = 0; f < featureCount; f++)
            {
                parameters[(f * classes) + c] = w[f];
            }

            parameters[(featureCount * classes) + c] = bias;
        }

        return parameters;
    }
}
