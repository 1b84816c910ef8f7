using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests.Intents;

public sealed class SquaredHingeSolverTests
{
    private const int Classes = 3;
    private const int Features = 6;
    private const double L2 = 0.05;

    [Fact]
    public void Fit_SmallProblem_ReachesThePrimalMinimumThatLbfgsFinds()
    {
        var (vectors, labels, weights) = Problem();

        var dual = SquaredHingeSolver.Fit(vectors, labels, weights, Classes, Features, L2, tolerance: 1e-9, maxPasses: 10_000, seed: 1);
        var primal = Lbfgs.Minimize((x, g) => Primal(x, g, vectors, labels, weights), new double[dual.Length], 10_000, 1e-10);

        Assert.Equal(primal.Value, Primal(dual, new double[dual.Length], vectors, labels, weights), 6);
        for (var i = 0; i < dual.Length; i++)
        {
            Assert.Equal(primal.X[i], dual[i], 3);
        }
    }

    [Fact]
    public void Fit_SameSeed_GivesIdenticalWeights()
    {
        var (vectors, labels, weights) = Problem();

        var first = SquaredHingeSolver.Fit(vectors, labels, weights, Classes, Features, L2, 0.1, 100, seed: 5);
        var second = SquaredHingeSolver.Fit(vectors, labels, weights, Classes, Features, L2, 0.1, 100, seed: 5);

        Assert.Equal(first, second);
    }

    /// <summary>Thirty noisy examples of three classes, with unequal example weights.</summary>
    private static (List<(int Feature, float Value)>[] Vectors, int[] Labels, double[] Weights) Problem()
    {
        var random = new Random(42);
        var vectors = new List<(int Feature, float Value)>[30];
        var labels = new int[30];
        var weights = new double[30];
        for (var i = 0; i < vectors.Length; i++)
        {
            labels[i] = i % Classes;
            weights[i] = 0.5 + (i % 4 * 0.5);
            vectors[i] = [];
            for (var f = 0; f < Features; f++)
            {
                var value = (f / 2 == labels[i] ? 1.0 : 0.0) + (random.NextDouble() * 0.8) - 0.2;
                if (value > 0)
                {
                    vectors[i].Add((f, (float)value));
                }
            }
        }

        return (vectors, labels, weights);
    }

    /// <summary>
    /// The objective the solver minimises, written out directly: weighted mean squared hinge over
    /// one-vs-rest problems plus ½λ‖w‖², the bias counted as a weight (the solver's bias feature).
    /// </summary>
    private static double Primal(ReadOnlySpan<double> x, Span<double> gradient, List<(int Feature, float Value)>[] vectors, int[] labels, double[] weights)
    {
        gradient.Clear();
        var total = weights.Sum();
        var value = 0.0;
        for (var i = 0; i < vectors.Length; i++)
        {
            for (var c = 0; c < Classes; c++)
            {
                var y = labels[i] == c ? 1.0 : -1.0;
                var score = x[(Features * Classes) + c];
                foreach (var (f, v) in vectors[i])
                {
                    score += x[(f * Classes) + c] * v;
                }

                var slack = 1.0 - (y * score);
                if (slack <= 0)
                {
                    continue;
                }

                value += weights[i] * slack * slack / total;
                var d = -2.0 * weights[i] * slack * y / total;
                gradient[(Features * Classes) + c] += d;
                foreach (var (f, v) in vectors[i])
                {
                    gradient[(f * Classes) + c] += d * v;
                }
            }
        }

        for (var i = 0; i < x.Length; i++)
        {
            value += 0.5 * L2 * x[i] * x[i];
            gradient[i] += L2 * x[i];
        }

        return value;
    }
}
