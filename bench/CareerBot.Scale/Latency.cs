using System.Diagnostics;

namespace CareerBot.Scale;

/// <summary>Percentiles of a set of timings, in milliseconds.</summary>
internal sealed record Latency(int Count, double P50, double P99, double Max)
{
    public static Latency Empty { get; } = new(0, double.NaN, double.NaN, double.NaN);

    /// <summary>From <see cref="Stopwatch"/> tick counts; nearest-rank percentiles.</summary>
    public static Latency Of(IReadOnlyCollection<long> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        if (ticks.Count == 0)
        {
            return Empty;
        }

        var sorted = ticks.Order().Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        return new Latency(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
