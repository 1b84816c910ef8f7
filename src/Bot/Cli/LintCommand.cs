using System.CommandLine;
using CareerBot.Knowledge;

namespace CareerBot.Bot.Cli;

/// <summary>
/// <c>lint</c>: reads the whole knowledge base and every draft, and prints every problem with its file
/// and line, errors and warnings alike. The knowledge base gets the checks <c>index</c>, <c>train</c> and
/// the bot's start run; each draft gets the checks <c>publish</c> runs. Exit code 1 when there is an error.
/// </summary>
internal static class LintCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("lint", "Check the knowledge base and its drafts, and list every mistake with file and line: front matter, sections, topics against the intents, passage ids, utterances, synonyms, and wording copied from a source page.");
        command.SetAction(_ => cli.Guarded(() =>
        {
            var loader = cli.CreateLoader();
            var check = loader.Check();
            var diagnostics = new KnowledgeDiagnostics();
            diagnostics.AddRange(check.Diagnostics);
            var drafts = Directory.Exists(loader.Options.DraftsPath)
                ? Directory.EnumerateFiles(loader.Options.DraftsPath, "*.md").Order(StringComparer.Ordinal).ToList()
                : [];
            foreach (var draft in drafts)
            {
                diagnostics.AddRange(loader.CheckDraft(draft));
            }

            Print(cli.Output, diagnostics, loader.Options);
            var errors = diagnostics.ErrorCount;
            var warnings = diagnostics.Items.Count - errors;
            cli.Output.WriteLine($"lint: {Count(errors, "error")}, {Count(warnings, "warning")} in {check.Guides.Count} guides, {check.Utterances.IntentNames.Count} intents and {Count(drafts.Count, "draft")}");
            return errors > 0 ? 1 : 0;
        }));
        return command;
    }

    /// <summary>Each problem as <c>error: knowledge-base/guides/x.md:12: ...</c>, paths relative to the folder holding the knowledge base.</summary>
    public static void Print(TextWriter writer, KnowledgeDiagnostics diagnostics, KnowledgeOptions options)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(options.BasePath))!;
        foreach (var d in diagnostics.Items)
        {
            writer.WriteLine($"{(d.Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {d.Location(root)}");
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
