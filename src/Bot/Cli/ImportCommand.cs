using System.CommandLine;
using CareerBot.Knowledge.Import;

namespace CareerBot.Bot.Cli;

/// <summary>
/// <c>import FILE --id ID [--out PATH] [--title ...] [--source ...] [--force]</c>: turns an existing
/// guide page (.html, .htm, .md, .txt) into a draft guide for the operator to review, with a
/// <c>&lt;!-- topics: TODO --&gt;</c> comment to fill in for every section and question. The draft goes
/// to <c>knowledge-base/drafts/</c>, which the bot never reads, with a copy of the page beside it
/// (<c>ID.source.html</c>) that <c>lint</c> and <c>publish</c> check its wording against; <c>publish</c>
/// makes it live.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext cli, TimeProvider time)
    {
        var file = new Argument<FileInfo>("file") { Description = $"The page to import: {string.Join(", ", GuideImporter.Extensions)}." };
        var id = new Option<string>("--id") { Description = "The guide id: lowercase letters, digits and '-' (also its file name).", Required = true };
        id.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (!GuideImporter.IsValidId(value))
            {
                r.AddError($"--id must be a lowercase slug (letters a-z, digits and '-'), such as 'acme-mle-guide'; got '{value}'.");
            }
        });
        var output = new Option<FileInfo>("--out") { Description = "The draft file to write; knowledge-base/drafts/<id>.md by default." };
        var title = new Option<string>("--title") { Description = "The guide's title, instead of the page's first heading." };
        var source = new Option<string>("--source") { Description = "The guide's source line, instead of \"<title> (imported from <file>)\"." };
        var force = new Option<bool>("--force") { Description = "Overwrite the guide file if it exists." };
        var command = new Command("import", "Turn an existing guide page (HTML, Markdown or text) into a draft guide to review: sections, FAQ questions and topics to fill in.")
        {
            file, id, output, title, source, force,
        };
        command.SetAction(parse => cli.Guarded(() =>
        {
            var input = parse.GetValue(file)!;
            var guideId = parse.GetValue(id)!;
            if (!input.Exists)
            {
                cli.Error.WriteLine($"error: {input.FullName}: no such file");
                return 1;
            }

            var target = parse.GetValue(output)?.FullName ?? Path.Combine(cli.CreateLoader().Options.DraftsPath, guideId + ".md");
            var savedPage = Path.Combine(Path.GetDirectoryName(target)!, Path.GetFileNameWithoutExtension(target) + ".source" + input.Extension.ToLowerInvariant());
            var overwrite = parse.GetValue(force);
            if (File.Exists(target) && !overwrite)
            {
                cli.Error.WriteLine($"error: {target} already exists; pass --force to overwrite it");
                return 1;
            }

            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            var guide = GuideImporter.Import(new GuideImportRequest(
                input.Name, File.ReadAllText(input.FullName), guideId, today, parse.GetValue(title), parse.GetValue(source)));
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var stream = new FileStream(target, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(guide.Markdown);
                if (!string.Equals(Path.GetFullPath(input.FullName), Path.GetFullPath(savedPage), StringComparison.Ordinal))
                {
                    File.Copy(input.FullName, savedPage, overwrite: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                cli.Error.WriteLine($"error: cannot write {target}: {ex.Message}");
                return 1;
            }

            cli.Output.WriteLine($"Imported {input.Name} as \"{guide.Title}\": {Count(guide.Sections, "section")} and {Count(guide.Questions, "FAQ question")} in {target}");
            if (!string.Equals(Path.GetFileNameWithoutExtension(target), guideId, StringComparison.Ordinal))
            {
                cli.Output.WriteLine($"Note: the guide loader reads a guide only from a file named after its id, {guideId}.md.");
            }

            cli.Output.WriteLine($"Review {target}: fill in the topics of {Count(guide.TopicsToFill, "section")} and restate the page's text in our own words (the page is kept beside it as {Path.GetFileName(savedPage)}), then run `lint` and `publish {guideId}`.");
            return 0;
        }));
        return command;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
