namespace CareerBot.Knowledge.Intents;

/// <summary>
/// Limited-memory BFGS with a backtracking (Armijo) line search: minimises a smooth convex
/// function given its value and gradient. Deterministic; no randomness anywhere.
/// </summary>
public static class Lbfgs
{
    /// <summary>Writes the gradient at x into the second argument and returns the value at x.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    public sealed record Result(double[] X, double Value, int Iterations, bool Converged);

    public static Result Minimize(Objective objective, double[] start, int maxIterations = 500, double tolerance = 1e-6, int memory = 10)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(start);
        var n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var value = objective(x, g);
        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        var alpha = new double[memory];
        var count = 0;
        var next = 0;
        var direction = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];

        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var gradientNorm = Math.Sqrt(Dot(g, g));
            if (gradientNorm <= tolerance * Math.Max(1.0, Math.Sqrt(Dot(x, x))))
            {
                return new Result(x, value, iteration - 1, true);
            }

            // Two-loop recursion: direction = -H * g.
            Array.Copy(g, direction, n);
            for (var k = 0; k < count; k++)
            {
                var i = (next - 1 - k + memory) % memory;
                alpha[i] = rho[i] * Dot(s[i], direction);
                Axpy(-alpha[i], y[i], direction);
            }

            if (count > 0)
            {
                var last = (next - 1 + memory) % memory;
                Scale(direction, Dot(s[last], y[last]) / Dot(y[last], y[last]));
            }
            else
            {
                Scale(direction, 1.0 / gradientNorm);
            }

            for (var k = count - 1; k >= 0; k--)
            {
                var i = (next - 1 - k + memory) % memory;
                var beta = rho[i] * Dot(y[i], direction);
                Axpy(alpha[i] - beta, s[i], direction);
            }

            Scale(direction, -1.0);
            var slope = Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                for (var j = 0; j < n; j++)
                {
                    direction[j] = -g[j] / gradientNorm;
                }

                slope = -gradientNorm;
                count = 0;
            }

            var step = 1.0;
            double newValue;
            while (true)
            {
                for (var j = 0; j < n; j++)
                {
                    xNew[j] = x[j] + (step * direction[j]);
                }

                newValue = objective(xNew, gNew);
                if (newValue <= value + (1e-4 * step * slope) || step < 1e-12)
                {
                    break;
                }

                step *= 0.5;
            }

            var si = s[next] ??= new double[n];
            var yi = y[next] ??= new double[n];
            for (var j = 0; j < n; j++)
            {
                si[j] = xNew[j] - x[j];
                yi[j] = gNew[j] - g[j];
            }

            var sy = Dot(si, yi);
            var improvement = value - newValue;
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            value = newValue;
            if (sy > 1e-12)
            {
                rho[next] = 1.0 / sy;
                next = (next + 1) % memory;
                count = Math.Min(count + 1, memory);
            }

            if (step < 1e-12 || Math.Abs(improvement) <= 1e-12 * Math.Max(1.0, Math.Abs(value)))
            {
                return new Result(x, value, iteration, true);
            }
        }

        return new Result(x, value, maxIterations, false);
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static void Scale(double[] x, double a)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= a;
        }
    }
}
