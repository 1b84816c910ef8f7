using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareerBot.Knowledge.Evaluation;

/// <summary>
/// The committed figures <c>eval</c> compares itself with (written by <c>eval --save-baseline</c>):
/// figure name to value, rounded to four places, with the size of the inputs they came from and
/// the file name of the question set (null in files written before it was kept).
/// </summary>
public sealed record EvaluationBaseline(int Utterances, int Questions, IReadOnlyDictionary<string, double> Figures, string? QuestionSet = null)
{
    /// <summary>Cross-validated figures: which utterances share a fold moves them by about ±0.005.</summary>
    public const double CrossValidationTolerance = 0.01;

    /// <summary>Figures with no randomness in them; one question of the set is about 0.005, so any question lost is flagged.</summary>
    public const double DeterministicTolerance = 0.004;

    /// <summary>The figures the engine alone gives (no cross-validation): cheap, and the same on every run.</summary>
    public static IReadOnlyList<string> Deterministic { get; } =
        ["intent_held_out_accuracy", "retrieval_hit_at_1", "retrieval_hit_at_3", "retrieval_mrr", "out_of_scope_precision", "out_of_scope_recall", "in_scope_decline_rate", "answer_shown"];

    /// <summary>Figures where lower is better.</summary>
    private static readonly string[] LowerIsBetter = ["in_scope_decline_rate"];

    public static EvaluationBaseline From(EvaluationReport report, string? questionSet = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var figures = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (report.Seeds.Count > 0)
        {
            figures["intent_cv_accuracy"] = report.IntentAccuracy;
            figures["intent_cv_macro_f1"] = report.MacroF1;
        }

        figures["intent_held_out_accuracy"] = report.QuestionIntents.Accuracy;
        figures["retrieval_hit_at_1"] = report.Retrieval.HitAt1;
        figures["retrieval_hit_at_3"] = report.Retrieval.HitAt3;
        figures["retrieval_mrr"] = report.Retrieval.Mrr;
        figures["out_of_scope_precision"] = report.OutOfScopePrecision;
        figures["out_of_scope_recall"] = report.OutOfScopeRecall;
        figures["in_scope_decline_rate"] = report.InScopeDeclineRate;
        if (report.AnswerShown.Answered > 0)
        {
            figures["answer_shown"] = report.AnswerShown.Rate;
        }
        var rounded = figures.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4), StringComparer.Ordinal);
        return new EvaluationBaseline(report.Utterances, report.Retrieval.Questions + report.OutOfScopeQuestions, rounded, questionSet);
    }

    public static double ToleranceOf(string figure) => figure.StartsWith("intent_cv_", StringComparison.Ordinal) ? CrossValidationTolerance : DeterministicTolerance;

    /// <summary>
    /// Whether figures measured on <paramref name="questionSet"/> can be compared with these: false when
    /// this baseline names another question set (a blind set's figures beside the development set's
    /// would all read as drops).
    /// </summary>
    public bool Measures(string questionSet) => QuestionSet is null || string.Equals(QuestionSet, questionSet, StringComparison.Ordinal);

    /// <summary>Each figure measured now beside this baseline's: its change, and whether it dropped beyond its tolerance.</summary>
    public IReadOnlyList<BaselineComparison> Compare(EvaluationBaseline now)
    {
        ArgumentNullException.ThrowIfNull(now);
        var rows = new List<BaselineComparison>();
        foreach (var (figure, value) in now.Figures.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            double? before = Figures.TryGetValue(figure, out var b) ? b : null;
            var change = before is { } old ? Math.Round(value - old, 4) : (double?)null;
            var worse = change is { } delta ? (LowerIsBetter.Contains(figure) ? delta : -delta) : 0;
            rows.Add(new BaselineComparison(figure, before, value, change, ToleranceOf(figure), worse > ToleranceOf(figure)));
        }

        return rows;
    }

    public static EvaluationBaseline? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), BaselineJsonContext.Default.EvaluationBaseline)
                ?? throw new KnowledgeBaseException(path, 1, "the baseline file is empty");
        }
        catch (JsonException ex)
        {
            throw new KnowledgeBaseException(path, (int)(ex.LineNumber ?? 0) + 1, $"not a baseline file: {ex.Message}");
        }
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, BaselineJsonContext.Default.EvaluationBaseline) + "\n");
    }
}

/// <summary>One figure now beside the baseline.</summary>
public sealed record BaselineComparison(string Figure, double? Baseline, double Now, double? Change, double Tolerance, bool Dropped);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(EvaluationBaseline))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
