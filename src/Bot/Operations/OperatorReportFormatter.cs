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
        text.Append(culture, $"{report.Questions} questions: {report.Answered} answered, {report.Declined} declined ({Percent(report.DeclineRate)}), {report.Clarified} asked which topic was meant; ");
        text.Append(culture, $"{report.Chat} chat turns (greetings, thanks, goodbyes, help) besides. Answer time p50 {report.LatencyP50Ms:0.0} ms, p95 {report.LatencyP95Ms:0.0} ms.\n");
        text.Append(culture, $"Votes: {report.Votes.Helpful} helpful, {report.Votes.NotHelpful} not helpful, on {report.Votes.Answers} answers.\n");

        text.Append("\n## Declines by reason\n\n");
        if (report.DeclinesByReason.Count == 0)
        {
            text.Append("None declined in this window.\n");
        }
        else
        {
            text.Append("| reason | declines |\n| --- | ---: |\n");
            foreach (var row in report.DeclinesByReason)
            {
                text.Append(culture, $"| {row.Name} | {row.Count} |\n");
            }
        }

        text.Append("\n## By intent\n\n| intent | questions | answered | declined | decline rate |\n| --- | ---: | ---: | ---: | ---: |\n");
        foreach (var row in report.ByIntent)
        {
            text.Append(culture, $"| {Cell(row.Intent)} | {row.Questions} | {row.Answered} | {row.Declined} | {Percent(row.DeclineRate)} |\n");
        }

        Table(text, "By channel", "channel", report.ByChannel);

        text.Append("\n## Day by day\n\n| day | questions | answered | declined | decline rate | chat | helpful | not helpful |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var day in report.ByDay)
        {
            text.Append(culture, $"| {day.Day} | {day.Questions} | {day.Answered} | {day.Declined} | {Percent(day.DeclineRate)} | {day.Chat} | {day.Helpful} | {day.NotHelpful} |\n");
        }

        Table(text, "Most cited passages", "passage", report.MostCitedPassages);

        text.Append("\n## Votes by answer\n\n");
        if (report.VotesByAnswer.Count == 0)
        {
            text.Append("No votes on recorded answers in this window.\n");
        }
        else
        {
            text.Append("| answer | time | intent | passages cited | helpful | not helpful |\n| --- | --- | --- | --- | ---: | ---: |\n");
            foreach (var row in report.VotesByAnswer)
            {
                var time = row.Time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", culture) : "before the window";
                text.Append(culture, $"| {row.AnswerId} | {time} | {Cell(row.Intent)} | {Cell(string.Join(", ", row.PassageIds))} | {row.Helpful} | {row.NotHelpful} |\n");
            }
        }

        text.Append("\n## Votes by passage\n\nA vote on an answer that cited n passages counts 1/n for each of them.\n\n");
        if (report.VotesByPassage.Count == 0)
        {
            text.Append("No votes in this window.\n");
        }
        else
        {
            text.Append("| passage | helpful | not helpful | answers voted on |\n| --- | ---: | ---: | ---: |\n");
            foreach (var row in report.VotesByPassage)
            {
                text.Append(culture, $"| {row.PassageId} | {row.Helpful:0.##} | {row.NotHelpful:0.##} | {row.Answers} |\n");
            }
        }

        text.Append("\n## Declined questions\n\n");
        if (!report.TranscriptsAvailable)
        {
            text.Append("Transcripts are off (Transcripts:Enabled), so questions are not kept; the reasons and intents above say where declines come from.\n");
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

    private static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

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
