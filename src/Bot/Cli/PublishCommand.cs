using System.CommandLine;
using CareerBot.Knowledge;

namespace CareerBot.Bot.Cli;

/// <summary>
/// <c>publish ID [--force]</c>: makes the draft <c>drafts/ID.md</c> a live guide, once it passes every
/// check a guide must pass (its topics, and no run of nine words from the page it was imported from).
/// The saved page moves to <c>sources/</c>, where <c>lint</c> keeps checking the guide against it.
/// </summary>
internal static class PublishCommand
{
    public static Command Create(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "The draft's guide id (drafts/<id>.md)." };
        var force = new Option<bool>("--force") { Description = "Replace a published guide with the same id." };
        var command = new Command("publish", "Check a draft guide and move it from knowledge-base/drafts/ into knowledge-base/guides/.") { id, force };
        command.SetAction(parse => cli.Guarded(() =>
        {
            var options = cli.CreateLoader().Options;
            var guideId = parse.GetValue(id)!;
            var draft = Path.Combine(options.DraftsPath, guideId + ".md");
            var target = Path.Combine(options.GuidesPath, guideId + ".md");
            if (!File.Exists(draft))
            {
                cli.Error.WriteLine($"error: no draft {draft}; `import` writes drafts there");
                return 1;
            }

            if (File.Exists(target) && !parse.GetValue(force))
            {
                cli.Error.WriteLine($"error: {target} already exists; pass --force to replace it");
                return 1;
            }

            var diagnostics = cli.CreateLoader().CheckDraft(draft);
            LintCommand.Print(cli.Error, diagnostics, options);
            if (diagnostics.HasErrors)
            {
                cli.Error.WriteLine($"error: {guideId} is not published: fix the {diagnostics.ErrorCount} error(s) above in {draft}");
                return 1;
            }

            var sources = KnowledgeLoader.DraftSources(draft);
            Directory.CreateDirectory(options.GuidesPath);
            File.Move(draft, target, overwrite: true);
            if (sources.Count > 0)
            {
                Directory.CreateDirectory(options.SourcesPath);
                foreach (var source in sources)
                {
                    File.Move(source, Path.Combine(options.SourcesPath, Path.GetFileName(source)), overwrite: true);
                }
            }

            cli.Output.WriteLine($"Published {target}; run `index` to serve it (a bot with Reload:WatchKnowledgeBase=true reloads by itself).");
            return 0;
        }));
        return command;
    }
}
