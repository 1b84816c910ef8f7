using System.CommandLine;
using System.CommandLine.Parsing;
using CareerBot.Bot.Channels.Teams;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Bot.Cli;

/// <summary>
/// <c>teams-package --app-id GUID --out FILE.zip [--developer-name ...]</c>: writes the Teams
/// app package to sideload or upload, with the knowledge base's sample questions as prompt
/// starters. Bad values are parse errors, reported like every verb's (exit code 1).
/// </summary>
internal static class TeamsPackageCommand
{
    public static Command Create(CliContext cli)
    {
        var defaults = new TeamsPackageSettings(Guid.Empty);
        var appId = new Option<Guid>("--app-id")
        {
            Description = "The Azure Bot's Microsoft App ID (a GUID); also the Teams app's id.",
            Required = true,
            CustomParser = ParseAppId,
        };
        var output = new Option<FileInfo>("--out") { Description = "The zip file to write.", Required = true };
        var version = Checked("--app-version", "The app version, major.minor.patch; raise it for each upload.", defaults.Version, TeamsPackageSettings.CheckVersion);
        var developer = Checked("--developer-name", $"The publisher's name (at most {TeamsPackageSettings.MaxDeveloperName} characters).", defaults.DeveloperName, TeamsPackageSettings.CheckDeveloperName);
        var website = Checked("--website-url", "The publisher's https website.", defaults.WebsiteUrl, v => TeamsPackageSettings.CheckHttpsUrl(v, "website URL"));
        var privacy = Checked("--privacy-url", "The https privacy statement.", defaults.PrivacyUrl, v => TeamsPackageSettings.CheckHttpsUrl(v, "privacy URL"));
        var terms = Checked("--terms-of-use-url", "The https terms of use.", defaults.TermsOfUseUrl, v => TeamsPackageSettings.CheckHttpsUrl(v, "terms of use URL"));
        var accent = Checked("--accent-color", "The icons' background colour, #RRGGBB.", defaults.AccentColor, TeamsPackageSettings.CheckAccentColor);

        var command = new Command("teams-package", "Write the Microsoft Teams app package (manifest.json, color.png, outline.png) for the bot.")
        {
            appId, output, version, developer, website, privacy, terms, accent,
        };
        command.SetAction(parse => cli.Guarded(() =>
        {
            var settings = new TeamsPackageSettings(parse.GetValue(appId))
            {
                Version = parse.GetValue(version)!,
                DeveloperName = parse.GetValue(developer)!,
                WebsiteUrl = parse.GetValue(website)!,
                PrivacyUrl = parse.GetValue(privacy)!,
                TermsOfUseUrl = parse.GetValue(terms)!,
                AccentColor = parse.GetValue(accent)!,
            };
            var utterances = UtteranceLoader.LoadDirectory(cli.CreateLoader().Options.IntentsPath);
            var file = parse.GetValue(output)!;
            try
            {
                file.Directory?.Create();
                TeamsManifest manifest;
                using (var stream = file.Create())
                {
                    manifest = TeamsAppPackage.Write(stream, settings, utterances);
                }

                var starters = manifest.Bots[0].CommandLists?.Sum(l => l.Commands.Count) ?? 0;
                cli.Output.WriteLine($"Wrote {file.FullName}: {TeamsAppPackage.ManifestEntry} (app {manifest.Id}, {starters} prompt starters), {TeamsAppPackage.ColorIconEntry}, {TeamsAppPackage.OutlineIconEntry}");
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                cli.Error.WriteLine($"error: cannot write {file.FullName}: {ex.Message}");
                return 1;
            }
        }));
        return command;
    }

    private static Guid ParseAppId(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (Guid.TryParse(text, out var id) && id != Guid.Empty)
        {
            return id;
        }

        result.AddError($"--app-id must be the bot's Microsoft App ID, a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301; got '{text}'.");
        return Guid.Empty;
    }

    private static Option<string> Checked(string name, string description, string defaultValue, Func<string?, string?> check)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (check(result.GetValueOrDefault<string>()) is { } error)
            {
                result.AddError($"{name}: {error}.");
            }
        });
        return option;
    }
}
