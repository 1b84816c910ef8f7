using System.Globalization;

namespace CareerBot.Scale;

/// <summary>What one run measures, from the command line.</summary>
internal sealed record ScaleSettings
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/CareerBot.Scale -- [options]
          --sizes 10000,100000,1000000   passage counts to measure, smallest first (default: all three)
          --questions 1000               generated questions per size (the evaluation questions are added)
          --budget-minutes 90            whole-run time limit; a size that would not fit is skipped
          --seed 20261122                generator seed: the same seed gives the same passages and questions
          --skip-training                leave out the intent-training measurements
          --samples 0                    print this many generated passages and questions of the first size
        """;

    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 100_000, 1_000_000];

    public int Questions { get; init; } = 1000;

    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(90);

    public int Seed { get; init; } = 20261122;

    public bool Training { get; init; } = true;

    public int Samples { get; init; }

    /// <summary>The settings, or null with <paramref name="error"/> set when the arguments are not understood.</summary>
    public static ScaleSettings? Parse(IReadOnlyList<string> args, out string? error)
    {
        var settings = new ScaleSettings();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--skip-training")
            {
                settings = settings with { Training = false };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--sizes":
                    var sizes = new List<int>();
                    foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!int.TryParse(part.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 100)
                        {
                            error = $"'{part}' is not a passage count of at least 100";
                            return null;
                        }

                        sizes.Add(size);
                    }

                    settings = settings with { Sizes = [.. sizes.Order()] };
                    break;
                case "--questions" when Positive(value) is { } questions:
                    settings = settings with { Questions = questions };
                    break;
                case "--budget-minutes" when Positive(value) is { } minutes:
                    settings = settings with { Budget = TimeSpan.FromMinutes(minutes) };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                    settings = settings with { Seed = seed };
                    break;
                case "--samples" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var samples):
                    settings = settings with { Samples = samples };
                    break;
                default:
                    error = $"'{name} {value}' is not understood";
                    return null;
            }
        }

        return settings.Sizes.Count == 0 ? null : settings;
    }

    private static int? Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
