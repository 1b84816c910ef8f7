using System.Globalization;
using System.Text;

namespace CareerBot.Scale;

/// <summary>Writes the measurements as Markdown tables, ready for docs/benchmarks.md.</summary>
internal static class MarkdownReport
{
    public const double BuildTarget100K = 30;
    public const double AnswerP99Target100K = 10;
    public const double AnswerP99Target1M = 50;
    public const double TrainingTarget1K = 2;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Size(SizeResult r, string load)
    {
        ArgumentNullException.ThrowIfNull(r);
        var real = r.RetrieveReal.Count;
        var generated = r.Retrieve.Count - real;
        var rows = new List<(string, string)>
        {
            ("guides / FAQ passages", $"{N(r.Guides)} / {N(r.QuestionPassages)}"),
            ("tokens / Zipf ranks / distinct words in the index", $"{Millions(r.Tokens)} / {N(r.ZipfRanks)} / {N(r.IndexWords)}"),
            ("generate passages and questions", Seconds(r.GenerateSeconds)),
            ("index build (`PassageIndex.Build`)", Seconds(r.BuildSeconds)),
            ("index file", Bytes(r.IndexBytes)),
            ("open the persisted index (`PassageIndex.Open`: last commit copied into memory, passages and vocabulary read back, no passage analysed)", Seconds(r.OpenSeconds)),
            ("construct `KnowledgeSnapshot` (retriever statistics from the postings, typo vocabulary, composer)", Seconds(r.SnapshotSeconds)),
            ("understand p50 / p99 / max (classify, analyse, correct typos), all questions (median of 3 runs each)", Ms(r.Understand)),
            ($"retrieve p50 / p99 / max, {N(generated)} generated + {N(real)} evaluation questions", Ms(r.Retrieve)),
            ($"retrieve p50 / p99 / max, the {N(real)} evaluation questions alone", Ms(r.RetrieveReal)),
            ($"answer p50 / p99 / max, all {N(r.Answer.Count)} questions", Ms(r.Answer)),
            ("answer p50 / p99 / max, evaluation questions alone", Ms(r.AnswerReal)),
            ($"answer p50 / p99 / max, every one of the {N(r.AnswerPooled.Count)} runs (machine stalls included)", Ms(r.AnswerPooled)),
            ("answered (not declined)", $"{N(r.Answered)} of {N(r.Asked)}"),
            ("digest of every answer (kind, text, citations, suggestions, confidence)", $"`{r.AnswerDigest}`"),
            ("managed heap after load / after the questions", $"{Bytes(r.ManagedAfterLoad)} / {Bytes(r.ManagedAfterQueries)}"),
            ("working set after load / after the questions", $"{Bytes(r.WorkingSetAfterLoad)} / {Bytes(r.WorkingSetAfterQueries)}"),
            ("peak resident set (VmHWM) during this size", Bytes(r.PeakResident)),
            ("load average (1 min) at start / end", load),
        };
        if (r.Note is { } note)
        {
            rows.Add(("note", note));
        }

        var text = new StringBuilder();
        text.Append(Invariant, $"#### {N(r.Passages)} passages\n\n| measure | value |\n| --- | ---: |\n");
        foreach (var (name, value) in rows)
        {
            text.Append(Invariant, $"| {name} | {value} |\n");
        }

        return text.ToString();
    }

    public static string Summary(IReadOnlyList<SizeResult> results, IReadOnlyList<(int Size, string Reason)> skipped)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(skipped);
        var text = new StringBuilder("| passages | index build | index file | open + snapshot | retrieve p50 / p99 | answer p50 / p99 | managed heap | peak RSS |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var r in results)
        {
            text.Append(Invariant, $"| {N(r.Passages)} | {Seconds(r.BuildSeconds)} | {Bytes(r.IndexBytes)} | {Seconds(r.OpenSeconds + r.SnapshotSeconds)} | {P50P99(r.Retrieve)} | {P50P99(r.Answer)} | {Bytes(r.ManagedAfterQueries)} | {Bytes(r.PeakResident)} |\n");
        }

        foreach (var (size, reason) in skipped)
        {
            text.Append(Invariant, $"| {N(size)} | not run: {reason} | | | | | | |\n");
        }

        return text.ToString();
    }

    public static string Training(IReadOnlyList<TrainingResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder("| training set | utterances | intents | features | threshold | training time, median of 3 (fastest-slowest) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var r in results)
        {
            text.Append(Invariant, $"| {r.Set} | {N(r.Utterances)} | {r.Intents} | {N(r.Features)} | {r.Threshold:0.000} | {Seconds(r.Seconds)} ({Seconds(r.Fastest)}-{Seconds(r.Slowest)}) |\n");
        }

        return text.ToString();
    }

    public static string Targets(IReadOnlyList<SizeResult> results, IReadOnlyList<TrainingResult> training)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(training);
        var at100K = results.FirstOrDefault(r => r.Passages == 100_000);
        var at1M = results.FirstOrDefault(r => r.Passages == 1_000_000);
        var oneThousand = training.FirstOrDefault(t => t.Utterances == 1000);
        var text = new StringBuilder("| target | measured | met |\n| --- | ---: | --- |\n");
        Row(text, "100k passages: index build ≤ 30 s", at100K?.BuildSeconds, BuildTarget100K, Seconds);
        Row(text, "100k passages: answer p99 ≤ 10 ms", at100K?.Answer.P99, AnswerP99Target100K, v => Ms(v));
        Row(text, "1M passages: answer p99 ≤ 50 ms", at1M?.Answer.P99, AnswerP99Target1M, v => Ms(v));
        Row(text, "training on 1,000 utterances ≤ 2 s (median of 3)", oneThousand?.Seconds, TrainingTarget1K, Seconds);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string target, double? measured, double limit, Func<double, string> format)
    {
        var (value, met) = measured is { } m && !double.IsNaN(m) ? (format(m), m <= limit ? "yes" : "no") : ("not measured", "–");
        text.Append(Invariant, $"| {target} | {value} | {met} |\n");
    }

    private static string N(long n) => n.ToString("N0", Invariant);

    private static string Millions(long n) => n >= 1_000_000 ? (n / 1e6).ToString("0.0 'M'", Invariant) : N(n);

    private static string Seconds(double s) => s < 10 ? s.ToString("0.00 's'", Invariant) : s.ToString("0.0 's'", Invariant);

    private static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms < 1 ? (ms * 1000).ToString("0 'µs'", Invariant) : ms.ToString("0.0 'ms'", Invariant);

    private static string Ms(Latency l) => l.Count == 0 ? "–" : $"{Ms(l.P50)} / {Ms(l.P99)} / {Ms(l.Max)}";

    private static string P50P99(Latency l) => l.Count == 0 ? "–" : $"{Ms(l.P50)} / {Ms(l.P99)}";

    private static string Bytes(long bytes) =>
        bytes < 0 ? "–" : bytes >= 1L << 30 ? (bytes / (double)(1L << 30)).ToString("0.00 'GiB'", Invariant) : (bytes / (double)(1 << 20)).ToString("0 'MiB'", Invariant);
}
