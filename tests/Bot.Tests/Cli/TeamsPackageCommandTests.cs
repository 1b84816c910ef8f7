using System.IO.Compression;
using System.Text.Json.Nodes;
using CareerBot.Bot.Cli;
using CareerBot.Knowledge.Tests;

namespace CareerBot.Bot.Tests.Cli;

public sealed class TeamsPackageCommandTests : IDisposable
{
    private const string AppId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private readonly TempKnowledgeBase _kb = new();

    public TeamsPackageCommandTests()
    {
        File.AppendAllLines(Path.Combine(_kb.IntentsPath, "salary.txt"), ["# example: How much do ML engineers earn?"]);
        File.AppendAllLines(Path.Combine(_kb.IntentsPath, "education.txt"), ["# example: Do I need a PhD to become an ML engineer?"]);
    }

    private string OutPath => Path.Combine(_kb.Root, "out", "careerbot.zip");

    public void Dispose() => _kb.Dispose();

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(["teams-package", .. args], output, error, _kb.Options());
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void TeamsPackage_AppIdAndOut_WritesTheZipWithTheSampleQuestions()
    {
        var (exit, output, error) = Run("--app-id", AppId.ToUpperInvariant(), "--out", OutPath);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal($"Wrote {OutPath}: manifest.json (app {AppId}, 2 prompt starters), color.png, outline.png", output.Trim());
        using var zip = ZipFile.OpenRead(OutPath);
        Assert.Equal(["manifest.json", "color.png", "outline.png"], zip.Entries.Select(e => e.FullName));
        using var stream = zip.GetEntry("manifest.json")!.Open();
        var manifest = JsonNode.Parse(stream)!;
        Assert.Equal(AppId, (string?)manifest["id"]);
        Assert.Equal(AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(
            "[{\"title\":\"Do I need a PhD to become an ML…\",\"description\":\"Do I need a PhD to become an ML engineer?\"},{\"title\":\"How much do ML engineers earn?\",\"description\":\"How much do ML engineers earn?\"}]",
            manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void TeamsPackage_DeveloperOptions_GoIntoTheManifest()
    {
        var (exit, _, _) = Run(
            "--app-id", AppId, "--out", OutPath, "--app-version", "1.2.0", "--developer-name", "Contoso",
            "--website-url", "https://contoso.example/", "--privacy-url", "https://contoso.example/privacy",
            "--terms-of-use-url", "https://contoso.example/terms", "--accent-color", "#112233");

        Assert.Equal(0, exit);
        using var zip = ZipFile.OpenRead(OutPath);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        var manifest = JsonNode.Parse(stream)!;
        Assert.Equal("1.2.0", (string?)manifest["version"]);
        Assert.Equal("{\"name\":\"Contoso\",\"websiteUrl\":\"https://contoso.example/\",\"privacyUrl\":\"https://contoso.example/privacy\",\"termsOfUseUrl\":\"https://contoso.example/terms\"}", manifest["developer"]!.ToJsonString());
        Assert.Equal("#112233", (string?)manifest["accentColor"]);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("3f2504e0-4f89-11d3-9a0c")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void TeamsPackage_BadAppId_FailsWithAClearErrorAndWritesNothing(string appId)
    {
        var (exit, output, error) = Run("--app-id", appId, "--out", OutPath);

        Assert.Equal(2, exit);
        Assert.Equal($"error: --app-id must be the bot's Microsoft App ID, a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301; got '{appId}'.\nSee `teams-package --help`.\n", error);
        Assert.Equal(string.Empty, output); // no help text burying the error line
        Assert.False(File.Exists(OutPath));
    }

    [Fact]
    public void TeamsPackage_MissingAppId_IsAParseError()
    {
        var (exit, _, error) = Run("--out", OutPath);

        Assert.Equal(2, exit);
        Assert.Equal("error: Option '--app-id' is required.\nSee `teams-package --help`.\n", error);
    }

    [Theory]
    [InlineData("--website-url", "http://contoso.example/", "--website-url: the website URL must be an absolute https URL; got 'http://contoso.example/'.")]
    [InlineData("--accent-color", "blue", "--accent-color: the accent colour must be #RRGGBB; got 'blue'.")]
    [InlineData("--app-version", "v1", "--app-version: the app version must look like 1.0.0 (major.minor.patch); got 'v1'.")]
    [InlineData("--developer-name", "A developer name of thirty-three!", "--developer-name: the developer name must be 1 to 32 characters; got 'A developer name of thirty-three!'.")]
    public void TeamsPackage_BadOption_FailsNamingIt(string option, string value, string message)
    {
        var (exit, _, error) = Run("--app-id", AppId, "--out", OutPath, option, value);

        Assert.Equal(2, exit);
        Assert.Equal($"error: {message}\nSee `teams-package --help`.\n", error);
        Assert.False(File.Exists(OutPath));
    }
}
