using System.CommandLine;
using System.Text.Json;
using CareerBot.Bot.Operations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerBot.Bot.Cli;

/// <summary><c>report [--days N] [--top N] [--json]</c>: what visitors asked, what was declined, what was cited and voted down.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext cli, TimeProvider time)
    {
        var days = CliOptions.WholeNumber("--days", "The window: this many days up to now", 7, 1, 3650);
        var top = CliOptions.WholeNumber("--top", "Rows in each ranked list", 10, 1, 1000);
        var json = new Option<bool>("--json") { Description = "Print JSON instead of Markdown." };
        var command = new Command("report", "Summarise recorded turns and feedback: volume by channel and intent, declines, most cited passages, worst feedback, declined questions (with transcripts).")
        {
            days, top, json,
        };
        command.SetAction(parse => cli.Guarded(() =>
        {
            var options = Options.Create(cli.CreateLoader().Options);
            var to = time.GetUtcNow();
            var from = to.AddDays(-parse.GetValue(days));
            using var log = new SqliteTurnLog(options, Options.Create(new TranscriptOptions()), Options.Create(new TurnLogOptions()), time, NullLogger<SqliteTurnLog>.Instance);
            var turns = log.ReadAsync(from, to, CancellationToken.None).GetAwaiter().GetResult();
            var feedback = new SqliteFeedbackStore(options).ReadAllAsync(CancellationToken.None).GetAwaiter().GetResult();
            var report = OperatorReportBuilder.Build(turns, feedback, from, to, parse.GetValue(top));
            cli.Output.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(report, CliJsonContext.Default.OperatorReport) + Environment.NewLine
                : OperatorReportFormatter.ToMarkdown(report));
            return 0;
        }));
        return command;
    }
}
