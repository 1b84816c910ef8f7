using System.Globalization;
using System.Text;

namespace CareerBot.Knowledge.Evaluation;

/// <summary>Writes an <see cref="EvaluationReport"/> as Markdown, readable in a terminal and in docs.</summary>
public static class EvaluationReportFormatter
{
    /// <summary>The figures beside the committed baseline, each with its change; drops beyond the tolerance are flagged.</summary>
    public static string BaselineToMarkdown(IReadOnlyList<BaselineComparison> rows, string baselineName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var b = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        b.AppendLine(c, $"## Against the baseline ({baselineName})");
        b.AppendLine();
        b.AppendLine("| figure | baseline | now | change | |");
        b.AppendLine("| --- | ---: | ---: | ---: | --- |");
        foreach (var row in rows)
        {
            var baseline = row.Baseline is { } v ? v.ToString("0.000", c) : "—";
            var change = row.Change is { } d ? d.ToString("+0.000;-0.000;0.000", c) : "new";
            var flag = row.Dropped ? string.Create(c, $"DROP (beyond {row.Tolerance:0.000})") : string.Empty;
            b.AppendLine(c, $"| {row.Figure} | {baseline} | {row.Now:0.000} | {change} | {flag} |");
        }

        b.AppendLine();
        var dropped = rows.Where(r => r.Dropped).Select(r => r.Figure).ToList();
        b.AppendLine(dropped.Count == 0
            ? "No figure dropped beyond its tolerance."
            : $"{dropped.Count} figure(s) dropped beyond tolerance: {string.Join(", ", dropped)}.");
        b.AppendLine();
        return b.ToString();
    }

    public static string ToMarkdown(EvaluationReport report, bool includeMisses = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        if (report.Seeds.Count > 0)
        {
            AppendCrossValidation(b, report);
        }
        else
        {
            b.AppendLine("## Intent classifier (not cross-validated: --retrieval-only)");
        }

        if (report.QuestionIntents.Messages > 0)
        {
            b.AppendLine();
            b.AppendLine(c, $"Held out: the question set's {report.QuestionIntents.Messages} questions (follow-ups left out; none is in the utterance files), classified by the model trained on every utterance: accuracy {report.QuestionIntents.Accuracy:0.000} ({report.QuestionIntents.Right} right).");
        }

        b.AppendLine();
        b.AppendLine(c, $"## Retrieval ({report.Retrieval.Questions} in-scope questions)");
        b.AppendLine();
        b.AppendLine("| system | hit@1 | hit@3 | MRR |");
        b.AppendLine("| --- | ---: | ---: | ---: |");
        b.AppendLine(c, $"| CareerBot (intent, synonyms, typo correction, follow-up context, re-ranking) | {report.Retrieval.HitAt1:0.000} | {report.Retrieval.HitAt3:0.000} | {report.Retrieval.Mrr:0.000} |");
        b.AppendLine(c, $"| plain BM25 baseline (same index, raw question words) | {report.Baseline.HitAt1:0.000} | {report.Baseline.HitAt3:0.000} | {report.Baseline.Mrr:0.000} |");
        if (report.FollowUps.Questions > 0)
        {
            b.AppendLine(c, $"| CareerBot, the {report.FollowUps.Questions} follow-ups alone | {report.FollowUps.HitAt1:0.000} | {report.FollowUps.HitAt3:0.000} | {report.FollowUps.Mrr:0.000} |");
        }

        if (report.AnswerShown.Answered > 0)
        {
            b.AppendLine();
            b.AppendLine(c, $"Answer shown: {report.AnswerShown.Rate:0.000} ({report.AnswerShown.Shown} of {report.AnswerShown.Answered} answered in-scope questions with labelled facts have one of them in the reply text itself).");
        }

        AppendGroups(b, "By intent", "intent", report.ByIntent);
        AppendGroups(b, "By guide that answers", "guide", report.ByGuide);
        b.AppendLine();
        b.AppendLine("## Declines");
        b.AppendLine();
        b.AppendLine(c, $"- Out-of-scope questions: {report.OutOfScopeQuestions}; precision {report.OutOfScopePrecision:0.000}, recall {report.OutOfScopeRecall:0.000}");
        b.AppendLine(c, $"- In-scope questions declined: {report.InScopeDeclineRate:0.0%} of {report.InScopeQuestions}");
        b.AppendLine();
        b.AppendLine("## Guide freshness");
        b.AppendLine();
        b.AppendLine(report.StaleGuides.Count == 0
            ? string.Create(c, $"- Every guide was updated in the last {report.StaleGuideDays} days.")
            : string.Create(c, $"- Guides not updated in {report.StaleGuideDays} days: {string.Join(", ", report.StaleGuides.Select(g => string.Create(c, $"{g.GuideId} (updated {g.Updated:yyyy-MM-dd})")))}"));
        if (includeMisses)
        {
            AppendList(b, "Misses", report.Misses);
            AppendList(b, "Answers whose reply text has none of their facts", report.AnswerShown.Missed);
            AppendList(b, "Utterances misclassified in cross-validation", report.IntentMisses);
            AppendList(b, "Questions whose intent was misread", report.QuestionIntentMisses);
        }

        return b.ToString();
    }

    private static void AppendCrossValidation(StringBuilder b, EvaluationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        b.AppendLine(c, $"## Intent classifier ({report.Folds}-fold cross-validation, {report.Utterances} utterances)");
        b.AppendLine();
        b.AppendLine(c, $"Accuracy {report.IntentAccuracy:0.000}, macro-F1 {report.MacroF1:0.000}");
        if (report.MacroF1ByRepeat.Count > 1)
        {
            b.AppendLine();
            b.AppendLine(c, $"Means over {report.MacroF1ByRepeat.Count} repeats with their own folds; macro-F1 by fold seed: {string.Join(", ", report.Seeds.Zip(report.MacroF1ByRepeat, (seed, f1) => string.Create(c, $"{seed} {f1:0.000}")))}. The table and the matrix pool the repeats (the matrix counts each utterance once per repeat).");
        }

        b.AppendLine();
        b.AppendLine("| intent | support | precision | recall | F1 |");
        b.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var s in report.PerIntent)
        {
            b.AppendLine(c, $"| {s.Intent} | {s.Support} | {s.Precision:0.000} | {s.Recall:0.000} | {s.F1:0.000} |");
        }

        b.AppendLine();
        b.AppendLine("Confusion matrix (rows: expected, columns: predicted; abbreviations are the first letters of the intents above):");
        b.AppendLine();
        var labels = report.ConfusionLabels;
        var shortNames = labels.Select(Abbreviate).ToArray();
        b.Append("| expected \\ predicted |");
        foreach (var name in shortNames)
        {
            b.Append(' ').Append(name).Append(" |");
        }

        b.AppendLine();
        b.Append("| --- |").AppendLine(string.Concat(Enumerable.Repeat(" ---: |", labels.Count)));
        for (var r = 0; r < labels.Count; r++)
        {
            b.Append("| ").Append(labels[r]).Append(" |");
            for (var col = 0; col < labels.Count; col++)
            {
                b.Append(' ').Append(report.Confusion[r, col].ToString(c)).Append(" |");
            }

            b.AppendLine();
        }
    }

    private static void AppendGroups(StringBuilder b, string title, string column, IReadOnlyList<GroupRetrieval> groups)
    {
        if (groups.Count == 0)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        b.AppendLine();
        b.AppendLine(c, $"### {title}");
        b.AppendLine();
        b.AppendLine(c, $"| {column} | questions | hit@1 | hit@3 | declined |");
        b.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var g in groups)
        {
            b.AppendLine(c, $"| {g.Group} | {g.Questions} | {g.HitAt1:0.000} | {g.HitAt3:0.000} | {g.Declined:0.0%} |");
        }
    }

    private static void AppendList(StringBuilder b, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"## {title} ({items.Count})");
        b.AppendLine();
        foreach (var item in items)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- {item}");
        }
    }

    private static string Abbreviate(string intent) =>
        string.Concat(intent.Split('_').Select(part => part.Length > 0 ? part[..Math.Min(part.Length, 3)] : string.Empty));
}
