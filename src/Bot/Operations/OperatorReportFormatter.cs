using System.Globalization;
using System.Text;

namespace CareerBot.Bot.Operations;

/// <summary>The operator report as Markdown, for people.</summary>
internal static class OperatorReportFormatter
{
    public static string ToMarkdown(OperatorReport report)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.Append(culture, $"# CareerBot report, {report.From:yyyy-MM-dd HH:mm} to {report.To:yyyy-MM-dd HH:mm} (UTC)\n\n");
        text.Append(culture, $"{report.Turns} questions, {report.Declined} declined ({report.DeclineRate * 100:0.0}%); answer time p50 {report.LatencyP50Ms:0.0} ms, p95 {report.LatencyP95Ms:0.0} ms.\n");
        Table(text, "By channel", "channel", report.ByChannel);
        Table(text, "By intent", "intent", report.ByIntent);
        Table(text, "Most cited passages", "passage", report.MostCitedPassages);

        text.Append("\n## Passages with the worst feedback\n\n");
        if (report.WorstFeedback.Count == 0)
        {
            text.Append("No thumbs down in this window.\n");
        }
        else
        {
            text.Append("| passage | helpful | not helpful |\n| --- | ---: | ---: |\n");
            foreach (var row in report.WorstFeedback)
            {
                text.Append(culture, $"| {row.PassageId} | {row.Helpful} | {row.NotHelpful} |\n");
            }
        }

        text.Append("\n## Declined questions\n\n");
        if (!report.TranscriptsAvailable)
        {
            text.Append("Transcripts are off (Transcripts:Enabled), so questions are not kept; only the counts above are known.\n");
        }
        else if (report.DeclinedQuestions.Count == 0)
        {
            text.Append("None declined in this window.\n");
        }
        else
        {
            text.Append("| asked | question | similar wordings |\n| ---: | --- | --- |\n");
            foreach (var cluster in report.DeclinedQuestions)
            {
                text.Append(culture, $"| {cluster.Count} | {Cell(cluster.Question)} | {Cell(string.Join(" / ", cluster.Examples))} |\n");
            }
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, string name, IReadOnlyList<CountRow> rows)
    {
        text.Append(CultureInfo.InvariantCulture, $"\n## {title}\n\n| {name} | count |\n| --- | ---: |\n");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(row.Name)} | {row.Count} |\n");
        }
    }

    /// <summary>User text in a table cell: no pipes or line breaks that would break the table.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
