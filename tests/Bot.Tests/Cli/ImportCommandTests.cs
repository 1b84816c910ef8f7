using CareerBot.Bot.Cli;
using CareerBot.Bot.Tests;
using CareerBot.Knowledge.Tests;

namespace CareerBot.Bot.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private const string Page = """
        <html><head><title>Careers | Example</title></head>
        <body>
          <nav><a href="/">Home</a></nav>
          <div id="cookie-consent">We use cookies.</div>
          <article>
            <h1>Becoming an ML Engineer</h1>
            <p>ML engineers ship models. They also maintain them.</p>
            <h2>Core skills</h2>
            <ul><li>Python</li><li>Statistics</li></ul>
            <h2>FAQ</h2>
            <h3>Do I need a PhD?</h3>
            <p>No, a bachelor's degree is enough for most roles.</p>
          </article>
          <footer>Contact us</footer>
        </body></html>
        """;

    private const string Guide = """
        ---
        id: example-guide
        title: Becoming an ML Engineer
        source: Becoming an ML Engineer (imported from page.html)
        updated: 2026-03-10
        summary: ML engineers ship models.
        ---

        ## Overview
        <!-- topics: TODO -->
        ML engineers ship models. They also maintain them.

        ## Core skills
        <!-- topics: TODO -->
        - Python
        - Statistics

        ## Frequently asked questions

        ### Do I need a PhD?
        <!-- topics: TODO -->
        No, a bachelor's degree is enough for most roles.

        """;

    private readonly TempKnowledgeBase _kb = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));

    public ImportCommandTests()
    {
        File.WriteAllText(PagePath, Page);
    }

    private string PagePath => Path.Combine(_kb.Root, "page.html");

    private string GuidePath => Path.Combine(_kb.GuidesPath, "example-guide.md");

    public void Dispose() => _kb.Dispose();

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(["import", .. args], output, error, _kb.Options(), _time);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void IsCommand_Import_IsAVerb()
    {
        Assert.True(CliApp.IsCommand(["import", "page.html", "--id", "x"]));
    }

    [Fact]
    public void Import_HtmlPage_WritesTheGuideIntoTheKnowledgeBaseAndSaysWhatToReview()
    {
        var (exit, output, error) = Run(PagePath, "--id", "example-guide");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            $"Imported page.html as \"Becoming an ML Engineer\": 2 sections and 1 FAQ question in {GuidePath}\n"
            + $"Review {GuidePath}: fill in the topics of 3 sections, then run `index`.\n",
            output);
        Assert.Equal(Guide, File.ReadAllText(GuidePath));
    }

    [Fact]
    public void Import_ThenTopicsFilledIn_IndexesTheNewGuide()
    {
        Assert.Equal(0, Run(PagePath, "--id", "example-guide").Exit);
        var output = new StringWriter();

        var refused = CliApp.Run(["index"], new StringWriter(), output, _kb.Options());
        File.WriteAllText(GuidePath, File.ReadAllText(GuidePath).Replace("<!-- topics: TODO -->", "<!-- topics: skills -->", StringComparison.Ordinal));
        var indexed = CliApp.Run(["index"], output, new StringWriter(), _kb.Options());

        Assert.Equal(1, refused);
        Assert.Equal(0, indexed);
        Assert.Contains($"error: {GuidePath}:10: 'TODO' is not a topic name", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Indexed 10 passages into {_kb.Options().IndexPath}", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ExistingGuide_IsRefusedWithoutForce()
    {
        File.WriteAllText(GuidePath, "the operator's edits");

        var (exit, output, error) = Run(PagePath, "--id", "example-guide");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: {GuidePath} already exists; pass --force to overwrite it\n", error);
        Assert.Equal("the operator's edits", File.ReadAllText(GuidePath));
    }

    [Fact]
    public void Import_ExistingGuideWithForce_IsOverwritten()
    {
        File.WriteAllText(GuidePath, "the operator's edits");

        var (exit, _, _) = Run(PagePath, "--id", "example-guide", "--force");

        Assert.Equal(0, exit);
        Assert.Equal(Guide, File.ReadAllText(GuidePath));
    }

    [Theory]
    [InlineData("Example-Guide")]
    [InlineData("example_guide")]
    [InlineData("example guide")]
    [InlineData("../example")]
    public void Import_BadId_FailsWithAClearErrorAndWritesNothing(string id)
    {
        var (exit, _, error) = Run(PagePath, "--id", id);

        Assert.Equal(1, exit);
        Assert.Equal($"--id must be a lowercase slug (letters a-z, digits and '-'), such as 'acme-mle-guide'; got '{id}'.", error.Trim());
        Assert.Equal(["guide-a.md", "guide-b.md"], Directory.GetFiles(_kb.GuidesPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Import_MissingId_IsAParseError()
    {
        var (exit, _, error) = Run(PagePath);

        Assert.Equal(1, exit);
        Assert.Equal("Option '--id' is required.", error.Trim());
    }

    [Fact]
    public void Import_MissingFile_SaysSo()
    {
        var missing = Path.Combine(_kb.Root, "nowhere.html");

        var (exit, _, error) = Run(missing, "--id", "example-guide");

        Assert.Equal(1, exit);
        Assert.Equal($"error: {missing}: no such file\n", error);
        Assert.False(File.Exists(GuidePath));
    }

    [Fact]
    public void Import_UnsupportedFormat_NamesTheFormatsThatWork()
    {
        var pdf = Path.Combine(_kb.Root, "guide.pdf");
        File.WriteAllText(pdf, "%PDF-1.7");

        var (exit, _, error) = Run(pdf, "--id", "example-guide");

        Assert.Equal(1, exit);
        Assert.Equal("error: guide.pdf: cannot import '.pdf' files; use .html, .htm, .md, .txt\n", error);
        Assert.False(File.Exists(GuidePath));
    }

    [Fact]
    public void Import_OutElsewhere_WritesThereAndNotesTheFileName()
    {
        var target = Path.Combine(_kb.Root, "drafts", "draft.md");

        var (exit, output, _) = Run(PagePath, "--id", "example-guide", "--out", target, "--title", "ML engineering", "--source", "Example Careers");

        Assert.Equal(0, exit);
        Assert.Equal(
            $"Imported page.html as \"ML engineering\": 2 sections and 1 FAQ question in {target}\n"
            + "Note: the guide loader reads a guide only from a file named after its id, example-guide.md.\n"
            + $"Review {target}: fill in the topics of 3 sections, then run `index`.\n",
            output);
        Assert.StartsWith("---\nid: example-guide\ntitle: ML engineering\nsource: Example Careers\nupdated: 2026-03-10\n", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.False(File.Exists(GuidePath));
    }
}
