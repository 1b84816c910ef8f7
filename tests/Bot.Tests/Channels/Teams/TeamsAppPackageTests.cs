using System.IO.Compression;
using System.Text.Json.Nodes;
using CareerBot.Bot.Channels.Teams;
using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Tests;

namespace CareerBot.Bot.Tests.Channels.Teams;

public sealed class TeamsAppPackageTests
{
    private static readonly Guid AppId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    private static UtteranceSet Samples(params (string Intent, string[] Questions)[] topics) =>
        new([], [.. topics.Select(t => t.Intent)], topics.ToDictionary(t => t.Intent, t => (IReadOnlyList<string>)t.Questions));

    private static readonly UtteranceSet ThreeTopics = Samples(
        ("career_path", ["What are the career levels of an ML engineer?", "What comes next?"]),
        ("greeting", []),
        ("salary", ["How much do ML engineers earn?", "Which states pay ML engineers the most?"]),
        ("skills", ["What skills does an ML engineer need?"]));

    /// <summary>The package's entries by name, as bytes.</summary>
    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static byte[] Package(TeamsPackageSettings? settings = null, UtteranceSet? utterances = null)
    {
        using var zip = new MemoryStream();
        TeamsAppPackage.Write(zip, settings ?? new TeamsPackageSettings(AppId), utterances ?? ThreeTopics);
        return zip.ToArray();
    }

    private static JsonObject ManifestJson(byte[] zip) => JsonNode.Parse(Unzip(zip)["manifest.json"])!.AsObject();

    [Fact]
    public void Write_Zip_HoldsExactlyTheManifestAndTwoIconsAtItsRoot()
    {
        var entries = Unzip(Package());

        Assert.Equal(["color.png", "manifest.json", "outline.png"], entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_Manifest_HasEveryFieldTheSchemaRequires()
    {
        var manifest = ManifestJson(Package());

        // The v1.22 schema's top-level "required", and nothing it does not define (additionalProperties: false).
        string[] required = ["manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor"];
        Assert.All(required, key => Assert.True(manifest.ContainsKey(key), key));
        Assert.Equal(["$schema", .. required[..3], "developer", "name", "description", "icons", "accentColor", "bots", "validDomains"], manifest.Select(p => p.Key));
        Assert.Equal("https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal("1.22", (string?)manifest["manifestVersion"]);
        Assert.Equal("1.0.0", (string?)manifest["version"]);
        Assert.Equal("3f2504e0-4f89-11d3-9a0c-0305e82c3301", (string?)manifest["id"]);
        Assert.Equal("#2B5797", (string?)manifest["accentColor"]);
        Assert.Equal("{\"color\":\"color.png\",\"outline\":\"outline.png\"}", manifest["icons"]!.ToJsonString());
        Assert.Equal("[]", manifest["validDomains"]!.ToJsonString());
    }

    [Fact]
    public void Write_Manifest_DeveloperNameAndDescriptionFitTheirLimits()
    {
        var manifest = ManifestJson(Package());

        var developer = manifest["developer"]!.AsObject();
        Assert.Equal(["name", "websiteUrl", "privacyUrl", "termsOfUseUrl"], developer.Select(p => p.Key));
        Assert.All(developer.Skip(1), p => Assert.StartsWith("https://", (string?)p.Value, StringComparison.Ordinal));
        Assert.Equal("CareerBot", (string?)manifest["name"]!["short"]);
        Assert.InRange(((string)manifest["name"]!["full"]!).Length, 1, 100);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);
        Assert.InRange(((string)manifest["description"]!["full"]!).Length, 81, 4000);
    }

    [Fact]
    public void Write_Manifest_TheBotIsTheAppIdInEveryScope()
    {
        var manifest = ManifestJson(Package());

        var bot = Assert.Single(manifest["bots"]!.AsArray())!.AsObject();
        Assert.Equal(["botId", "scopes", "supportsFiles", "isNotificationOnly", "commandLists"], bot.Select(p => p.Key));
        Assert.Equal((string?)manifest["id"], (string?)bot["botId"]);
        Assert.Equal("[\"personal\",\"team\",\"groupChat\"]", bot["scopes"]!.ToJsonString());
        Assert.False((bool)bot["supportsFiles"]!);
        Assert.False((bool)bot["isNotificationOnly"]!);
        var list = Assert.Single(bot["commandLists"]!.AsArray())!;
        Assert.Equal("[\"personal\"]", list["scopes"]!.ToJsonString());
        Assert.Equal(
            [
                ("What comes next?", "What comes next?"),
                ("How much do ML engineers earn?", "How much do ML engineers earn?"),
                ("What skills does an ML engineer…", "What skills does an ML engineer need?"),
                ("What are the career levels of…", "What are the career levels of an ML engineer?"),
                ("Which states pay ML engineers…", "Which states pay ML engineers the most?"),
            ],
            list["commands"]!.AsArray().Select(c => ((string)c!["title"]!, (string)c["description"]!)));
    }

    [Fact]
    public void Write_Icons_DecodeWithValidCrcs_ColourOpaque_OutlineWhiteOnTransparent()
    {
        var entries = Unzip(Package());

        var color = PngReader.Read(entries["color.png"]);
        var outline = PngReader.Read(entries["outline.png"]);

        Assert.All(color.Chunks.Concat(outline.Chunks), c => Assert.Equal(c.ComputedCrc, c.StoredCrc));
        Assert.Equal((192, 192, 8, 2), (color.Width, color.Height, (int)color.BitDepth, (int)color.ColourType));
        Assert.Equal((32, 32, 8, 6), (outline.Width, outline.Height, (int)outline.BitDepth, (int)outline.ColourType));
        Assert.Equal([0x2B, 0x57, 0x97, 255], color.Rgba()[..4]);

        var pixels = outline.Rgba().Chunk(4).ToList();
        foreach (var corner in new[] { 0, 31, 31 * 32, (32 * 32) - 1 })
        {
            Assert.Equal(0, pixels[corner][3]);
        }

        Assert.All(pixels.Where(p => p[3] > 0), p => Assert.Equal([255, 255, 255], p[..3]));
        Assert.Contains(pixels, p => p.SequenceEqual(new byte[] { 255, 255, 255, 255 }));
    }

    [Fact]
    public void Write_SameInputs_SameBytes()
    {
        Assert.Equal(Package(), Package());
    }

    [Fact]
    public void Write_Options_AppearInTheManifestAndTheColourIcon()
    {
        var settings = new TeamsPackageSettings(AppId)
        {
            Version = "2.3.4",
            DeveloperName = "Contoso Careers",
            WebsiteUrl = "https://contoso.example/",
            PrivacyUrl = "https://contoso.example/p",
            TermsOfUseUrl = "https://contoso.example/t",
            AccentColor = "#a01010",
        };

        var zip = Package(settings);

        var manifest = ManifestJson(zip);
        Assert.Equal("2.3.4", (string?)manifest["version"]);
        Assert.Equal("{\"name\":\"Contoso Careers\",\"websiteUrl\":\"https://contoso.example/\",\"privacyUrl\":\"https://contoso.example/p\",\"termsOfUseUrl\":\"https://contoso.example/t\"}", manifest["developer"]!.ToJsonString());
        Assert.Equal("#A01010", (string?)manifest["accentColor"]);
        Assert.Equal([0xA0, 0x10, 0x10, 255], PngReader.Read(Unzip(zip)["color.png"]).Rgba()[..4]);
    }

    [Fact]
    public void Manifest_NoSampleQuestions_LeavesOutTheCommandList()
    {
        var manifest = TeamsAppPackage.Manifest(new TeamsPackageSettings(AppId), []);

        Assert.Null(manifest.Bots[0].CommandLists);
    }

    [Theory]
    [InlineData("http://careerbot.example.com/", "the website URL must be an absolute https URL; got 'http://careerbot.example.com/'")]
    [InlineData("/relative", "the website URL must be an absolute https URL; got '/relative'")]
    public void Manifest_BadSetting_Throws(string website, string message)
    {
        var settings = new TeamsPackageSettings(AppId) { WebsiteUrl = website };

        var error = Assert.Throws<ArgumentException>(() => TeamsAppPackage.Manifest(settings, []));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_Errors_NameEveryBadValue()
    {
        var settings = new TeamsPackageSettings(Guid.Empty)
        {
            Version = "1.0",
            DeveloperName = new string('x', 33),
            PrivacyUrl = "ftp://x",
            AccentColor = "#12345G",
        };

        Assert.Equal(
            [
                "the app id must not be the empty GUID",
                "the app version must look like 1.0.0 (major.minor.patch); got '1.0'",
                $"the developer name must be 1 to 32 characters; got '{new string('x', 33)}'",
                "the privacy URL must be an absolute https URL; got 'ftp://x'",
                "the accent colour must be #RRGGBB; got '#12345G'",
            ],
            settings.Errors());
    }

    [Fact]
    public void PromptStarters_TwelveTopics_TakesTenFirstQuestionsInFileOrder()
    {
        var topics = Enumerable.Range(1, 12).Select(i => ($"topic{i:00}", new[] { $"First question {i}?", $"Second question {i}?" })).ToArray();

        var starters = TeamsAppPackage.PromptStarters(Samples(topics));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"First question {i}?"), starters.Select(c => c.Title));
    }

    [Fact]
    public void PromptStarters_WithinATopic_PrefersQuestionsThatFitWhole()
    {
        var starters = TeamsAppPackage.PromptStarters(Samples(("salary", ["Which states pay ML engineers the most?", "How much do ML engineers earn?"])));

        Assert.Equal(["How much do ML engineers earn?", "Which states pay ML engineers…"], starters.Select(c => c.Title));
    }

    [Fact]
    public void PromptStarters_TooLongOrRepeated_AreSkipped()
    {
        var tooLong = "Why " + new string('a', 124) + "?";
        var starters = TeamsAppPackage.PromptStarters(Samples(
            ("a", [tooLong, "   ", "What is the job outlook for ML engineers?"]),
            ("b", ["What is the job outlook for ML jobs?", "what is  the salary?"]),
            ("c", ["What is the salary?"])));

        Assert.Equal(129, tooLong.Length);
        Assert.Equal(
            [
                new TeamsCommand("What is the job outlook for ML…", "What is the job outlook for ML engineers?"),
                new TeamsCommand("what is the salary?", "what is the salary?"),
            ],
            starters);
    }

    [Theory]
    [InlineData("How much do ML engineers earn?", "How much do ML engineers earn?")]
    [InlineData("What are the career levels of an ML engineer?", "What are the career levels of…")]
    [InlineData("What is the difference between an ML engineer and a data scientist?", "What is the difference between…")]
    [InlineData("Supercalifragilisticexpialidocious-and-more?", "Supercalifragilisticexpialidoci…")]
    [InlineData("Is it worth it, really, truly, honestly, now?", "Is it worth it, really, truly…")]
    public void Command_Title_IsTheQuestionOrItsWordsThatFitWithAnEllipsis(string question, string title)
    {
        var command = TeamsAppPackage.Command(question)!;

        Assert.Equal(title, command.Title);
        Assert.InRange(command.Title.Length, 1, 32);
        Assert.Equal(question, command.Description);
    }

    /// <summary>A starter is only useful if the bot answers its title, cut or not, on the topic it came from.</summary>
    [Fact]
    public void PromptStarters_RepositoryKnowledgeBase_EachTitleIsAnsweredOnItsTopic()
    {
        var utterances = UtteranceLoader.LoadDirectory(RepositoryKnowledgeBase.Options().IntentsPath);
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var starters = TeamsAppPackage.PromptStarters(utterances);

        Assert.Equal(TeamsAppPackage.MaxCommands, starters.Count);
        Assert.All(starters, starter =>
        {
            var topic = utterances.SampleQuestions.Single(s => s.Value.Contains(starter.Description)).Key;
            var answer = engine.Answer(new Question(starter.Title));
            Assert.True(answer.Answered, starter.Title);
            Assert.Equal(topic, answer.Intent.Name);
        });
    }
}
