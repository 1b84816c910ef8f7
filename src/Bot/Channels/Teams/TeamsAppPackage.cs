using System.IO.Compression;
using System.Text.Json;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Bot.Channels.Teams;

/// <summary>
/// The sideloadable Teams app: a zip holding <c>manifest.json</c>, <c>color.png</c> and
/// <c>outline.png</c> at its root. The bot's prompt starters are the knowledge base's sample
/// questions (<c># example:</c> lines), one topic after another so that up to ten cover as
/// many topics as they can. Same inputs, same bytes: entries carry a fixed timestamp.
/// </summary>
internal static class TeamsAppPackage
{
    public const string SchemaUrl = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json";
    public const string ManifestVersion = "1.22";
    public const string ManifestEntry = "manifest.json";
    public const string ColorIconEntry = "color.png";
    public const string OutlineIconEntry = "outline.png";

    public const int MaxCommands = 10;
    public const int MaxCommandTitle = 32;
    public const int MaxCommandDescription = 128;
    public const int MaxShortName = 30;
    public const int MaxFullName = 100;
    public const int MaxShortDescription = 80;
    public const int MaxFullDescription = 4000;

    public const string ShortName = "CareerBot";
    public const string FullName = "CareerBot: machine learning engineer careers";
    public const string ShortDescription = "Answers questions about the ML engineer career, citing career guides.";
    public const string FullDescription =
        "CareerBot answers questions about becoming and working as a machine learning engineer: "
        + "skills, education, salaries, day-to-day work, career paths, the job market and how the role "
        + "compares with others. Every answer quotes the career guides it comes from and numbers its "
        + "sources. Ask in a personal chat, or mention @CareerBot in a channel or group chat. "
        + "Rate an answer with the thumbs buttons to help improve it.";

    public static readonly IReadOnlyList<string> BotScopes = ["personal", "team", "groupChat"];

    /// <summary>Zip entries' time: fixed, so that the package is reproducible.</summary>
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the package to <paramref name="output"/>; returns the manifest written.</summary>
    public static TeamsManifest Write(Stream output, TeamsPackageSettings settings, UtteranceSet utterances)
    {
        ArgumentNullException.ThrowIfNull(output);
        var manifest = Manifest(settings, PromptStarters(utterances));
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, TeamsManifestJsonContext.Default.TeamsManifest));
        Add(zip, ColorIconEntry, PngWriter.Encode(IconPainter.Color(Rgba.FromHex(settings.AccentColor)!.Value), alpha: false));
        Add(zip, OutlineIconEntry, PngWriter.Encode(IconPainter.Outline(), alpha: true));
        return manifest;
    }

    public static TeamsManifest Manifest(TeamsPackageSettings settings, IReadOnlyList<TeamsCommand> promptStarters)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(promptStarters);
        if (settings.Errors().FirstOrDefault() is { } error)
        {
            throw new ArgumentException(error, nameof(settings));
        }

        if (promptStarters.Count > MaxCommands || promptStarters.Any(c => c.Title.Length > MaxCommandTitle || c.Description.Length > MaxCommandDescription))
        {
            throw new ArgumentException($"at most {MaxCommands} prompt starters, titles of at most {MaxCommandTitle} characters, descriptions of at most {MaxCommandDescription}", nameof(promptStarters));
        }

        var id = settings.AppIdText;
        return new TeamsManifest(
            SchemaUrl,
            ManifestVersion,
            settings.Version,
            id,
            new TeamsDeveloper(settings.DeveloperName, settings.WebsiteUrl, settings.PrivacyUrl, settings.TermsOfUseUrl),
            new TeamsName(ShortName, FullName),
            new TeamsDescription(ShortDescription, FullDescription),
            new TeamsIcons(ColorIconEntry, OutlineIconEntry),
            settings.AccentColor.ToUpperInvariant(),
            [
                new TeamsBot(
                    id,
                    BotScopes,
                    SupportsFiles: false,
                    IsNotificationOnly: false,
                    promptStarters.Count == 0 ? null : [new TeamsCommandList(["personal"], promptStarters)]),
            ],
            []);
    }

    /// <summary>
    /// Up to ten sample questions as commands, taking each topic's first before any topic's
    /// second, and within a topic the questions that fit a title whole before the others.
    /// A question longer than a title is cut at a word and ends in "…" (its description
    /// keeps it whole); one longer than a description is skipped, as is a repeated title.
    /// </summary>
    public static IReadOnlyList<TeamsCommand> PromptStarters(UtteranceSet utterances)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        var perTopic = utterances.IntentNames
            .Select(name => utterances.SampleQuestions.TryGetValue(name, out var samples) ? samples : [])
            .Select(samples => samples.Select(Command).OfType<TeamsCommand>().OrderBy(c => c.Title == c.Description ? 0 : 1).ToList())
            .Where(commands => commands.Count > 0)
            .ToList();
        var chosen = new List<TeamsCommand>();
        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var round = 0; chosen.Count < MaxCommands && perTopic.Any(c => c.Count > round); round++)
        {
            foreach (var commands in perTopic.Where(c => c.Count > round))
            {
                if (chosen.Count < MaxCommands && titles.Add(commands[round].Title))
                {
                    chosen.Add(commands[round]);
                }
            }
        }

        return chosen;
    }

    /// <summary>The command for one sample question, or null when it is empty or too long for a description.</summary>
    internal static TeamsCommand? Command(string question)
    {
        var text = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length is 0 or > MaxCommandDescription ? null : new TeamsCommand(Shorten(text, MaxCommandTitle), text);
    }

    /// <summary><paramref name="text"/> if it fits in <paramref name="max"/> characters, else cut at a word with "…".</summary>
    internal static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        var head = cut > 0 ? text[..cut] : text[..(max - 1)];
        return head.TrimEnd(' ', ',', ';', ':') + "…";
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
