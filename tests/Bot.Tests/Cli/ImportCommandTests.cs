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

    private string DraftPath => Path.Combine(_kb.BasePath, "drafts", "example-guide.md");

    private string SavedPagePath => Path.Combine(_kb.BasePath, "drafts", "example-guide.source.html");

    public void Dispose() => _kb.Dispose();

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(["import", .. args], output, error, _kb.Options(), _time);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Import_HtmlPage_WritesADraftBesideThePageAndSaysWhatToReview()
    {
        var (exit, output, error) = Run(PagePath, "--id", "example-guide");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            $"Imported page.html as \"Becoming an ML Engineer\": 2 sections and 1 FAQ question in {DraftPath}\n"
            + $"Review {DraftPath}: fill in the topics of 3 sections and restate the page's text in our own words (the page is kept beside it as example-guide.source.html), then run `lint` and `publish example-guide`.\n",
            output);
        Assert.Equal(Guide, File.ReadAllText(DraftPath));
        Assert.Equal(Page, File.ReadAllText(SavedPagePath));
        Assert.False(File.Exists(GuidePath));
    }

    [Fact]
    public void Import_UnfinishedDraft_LeavesIndexTrainAndAskWorking()
    {
        Assert.Equal(0, Run(PagePath, "--id", "example-guide").Exit);
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.Equal(0, CliApp.Run(["index"], output, error, _kb.Options()));
        Assert.Equal(0, CliApp.Run(["train"], output, error, _kb.Options()));
        Assert.Equal(0, CliApp.Run(["ask", "Do I need a PhD?"], output, error, _kb.Options()));
        Assert.Contains($"Indexed 7 passages into {_kb.Options().IndexPath}", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("error", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Lint_Publish_Index_IsTheLoop()
    {
        Assert.Equal(0, Run(PagePath, "--id", "example-guide").Exit);

        // As imported: every TODO and every sentence still in the page's words is listed.
        var lint = new StringWriter();
        Assert.Equal(1, CliApp.Run(["lint"], lint, new StringWriter(), _kb.Options()));
        var lines = lint.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Count(l => l.EndsWith("'TODO' is not a topic name", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("error: knowledge-base/drafts/example-guide.md:", StringComparison.Ordinal) && l.Contains("words as in the source example-guide.source.html", StringComparison.Ordinal));

        // Topics named but the words still the page's: publish refuses and says why.
        File.WriteAllText(DraftPath, File.ReadAllText(DraftPath).Replace("<!-- topics: TODO -->", "<!-- topics: skills -->", StringComparison.Ordinal));
        var refusal = new StringWriter();
        Assert.Equal(1, CliApp.Run(["publish", "example-guide"], new StringWriter(), refusal, _kb.Options()));
        Assert.Contains("words as in the source example-guide.source.html", refusal.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("'TODO'", refusal.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(GuidePath));

        // Restated in our own words: published, the page moves to sources/, and index serves it.
        File.WriteAllText(DraftPath, OwnWords);
        var published = new StringWriter();
        Assert.Equal(0, CliApp.Run(["publish", "example-guide"], published, new StringWriter(), _kb.Options()));
        Assert.Equal($"Published {GuidePath}; run `index` to serve it (a bot with Reload:WatchKnowledgeBase=true reloads by itself).\n", published.ToString());
        Assert.Equal(OwnWords, File.ReadAllText(GuidePath));
        Assert.False(File.Exists(DraftPath));
        Assert.True(File.Exists(Path.Combine(_kb.BasePath, "sources", "example-guide.source.html")));
        var indexed = new StringWriter();
        Assert.Equal(0, CliApp.Run(["index"], indexed, new StringWriter(), _kb.Options()));
        Assert.Equal($"Indexed 8 passages into {_kb.Options().IndexPath}\n", indexed.ToString());
        var clean = new StringWriter();
        Assert.Equal(0, CliApp.Run(["lint"], clean, new StringWriter(), _kb.Options()));
        Assert.Equal("lint: 0 errors, 0 warnings in 3 guides, 12 intents and 0 drafts\n", clean.ToString());
    }

    private const string OwnWords = """
        ---
        id: example-guide
        title: Becoming an ML Engineer
        source: Example Careers
        updated: 2026-03-10
        summary: What to learn first.
        ---

        ## Skills to learn
        <!-- topics: skills -->
        Start with Python and with the statistics behind the models you train.
        """;

    [Fact]
    public void Import_ExistingDraft_IsRefusedWithoutForce()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DraftPath)!);
        File.WriteAllText(DraftPath, "the operator's edits");

        var (exit, output, error) = Run(PagePath, "--id", "example-guide");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"error: {DraftPath} already exists; pass --force to overwrite it\n", error);
        Assert.Equal("the operator's edits", File.ReadAllText(DraftPath));
    }

    [Fact]
    public void Import_ExistingDraftWithForce_IsOverwritten()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DraftPath)!);
        File.WriteAllText(DraftPath, "the operator's edits");

        var (exit, _, _) = Run(PagePath, "--id", "example-guide", "--force");

        Assert.Equal(0, exit);
        Assert.Equal(Guide, File.ReadAllText(DraftPath));
    }

    [Theory]
    [InlineData("Example-Guide")]
    [InlineData("example_guide")]
    [InlineData("example guide")]
    [InlineData("../example")]
    public void Import_BadId_FailsWithAClearErrorAndWritesNothing(string id)
    {
        var (exit, _, error) = Run(PagePath, "--id", id);

        Assert.Equal(2, exit);
        Assert.Equal($"error: --id must be a lowercase slug (letters a-z, digits and '-'), such as 'acme-mle-guide'; got '{id}'.\nSee `import --help`.\n", error);
        Assert.Equal(["guide-a.md", "guide-b.md"], Directory.GetFiles(_kb.GuidesPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Import_MissingId_IsAParseError()
    {
        var (exit, _, error) = Run(PagePath);

        Assert.Equal(2, exit);
        Assert.Equal("error: Option '--id' is required.\nSee `import --help`.\n", error);
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
            + $"Review {target}: fill in the topics of 3 sections and restate the page's text in our own words (the page is kept beside it as draft.source.html), then run `lint` and `publish example-guide`.\n",
            output);
        Assert.StartsWith("---\nid: example-guide\ntitle: ML engineering\nsource: Example Careers\nupdated: 2026-03-10\n", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.False(File.Exists(GuidePath));
    }
}
