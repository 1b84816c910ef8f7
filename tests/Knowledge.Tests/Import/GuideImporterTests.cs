using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Import;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests.Import;

public sealed class GuideImporterTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static ImportedGuide Import(string fileName, string content, string id, string? title = null, string? source = null) =>
        GuideImporter.Import(new GuideImportRequest(fileName, content, id, Today, title, source));

    [Fact]
    public void Import_HtmlPage_WritesTheGuideFormat()
    {
        var guide = Import("mle-guide.html", ImportPages.Html, "example-mle-guide");

        Assert.Equal(ImportPages.HtmlGuide, guide.Markdown);
        Assert.Equal("How to Become a Machine Learning Engineer", guide.Title);
        Assert.Equal((3, 3, 6), (guide.Sections, guide.Questions, guide.TopicsToFill));
    }

    [Theory]
    [InlineData("We use cookies")]
    [InlineData("Accept all")]
    [InlineData("Example Careers")]
    [InlineData("Jobs")]
    [InlineData("Share on LinkedIn")]
    [InlineData("weekly career tips")]
    [InlineData("Subscribe")]
    [InlineData("Advertisement")]
    [InlineData("Answers to what readers ask most")]
    [InlineData("Related articles")]
    [InlineData("Data scientist career guide")]
    [InlineData("You may also like")]
    [InlineData("AI engineer salaries")]
    [InlineData("analytics")]
    [InlineData("page loaded")]
    [InlineData("rights reserved")]
    [InlineData("font-family")]
    public void Import_HtmlPage_LeavesOutBoilerplate(string text)
    {
        var guide = Import("mle-guide.html", ImportPages.Html, "example-mle-guide");

        Assert.DoesNotContain(text, guide.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MarkdownPage_NormalisesHeadingsAndKeepsText()
    {
        var guide = Import("switch.md", ImportPages.Markdown, "ds-to-mle");

        Assert.Equal(ImportPages.MarkdownGuide, guide.Markdown);
    }

    [Fact]
    public void Import_TextPage_TurnsCapitalAndColonLinesIntoSections()
    {
        var guide = Import("working.txt", ImportPages.Text, "working-as-mle");

        Assert.Equal(ImportPages.TextGuide, guide.Markdown);
    }

    [Fact]
    public void Import_TitleAndSource_ReplaceThePagesOwn()
    {
        var guide = Import("mle-guide.html", ImportPages.Html, "example-mle-guide", title: "Becoming an ML engineer: the Example guide", source: "'Example Careers' guide");

        Assert.StartsWith(
            "---\nid: example-mle-guide\ntitle: 'Becoming an ML engineer: the Example guide'\nsource: '''Example Careers'' guide'\nupdated: 2026-03-10\n",
            guide.Markdown,
            StringComparison.Ordinal);
        var loaded = GuideLoader.Parse(WithTopics(guide.Markdown), "/kb/guides/example-mle-guide.md");
        Assert.Equal("Becoming an ML engineer: the Example guide", loaded.Title);
        Assert.Equal("'Example Careers' guide", loaded.Source);
    }

    [Fact]
    public void Import_ThenTopicsFilledIn_LoadsAsAGuide()
    {
        var guide = Import("mle-guide.html", ImportPages.Html, "example-mle-guide");

        var loaded = GuideLoader.Parse(WithTopics(guide.Markdown), "/kb/guides/example-mle-guide.md");

        Assert.Equal("example-mle-guide", loaded.Id);
        Assert.Equal("How to Become a Machine Learning Engineer (imported from mle-guide.html)", loaded.Source);
        Assert.Equal(Today, loaded.Updated);
        Assert.Equal("Machine learning engineers turn models into dependable products.", loaded.Summary);
        Assert.Equal(
            [
                "example-mle-guide#overview", "example-mle-guide#what-the-role-involves", "example-mle-guide#salary-by-level",
                "example-mle-guide#is-it-worth-it", "example-mle-guide#do-i-need-a-phd", "example-mle-guide#how-long-does-it-take",
            ],
            loaded.Passages.Select(p => p.Id));
        Assert.All(loaded.Passages, p => Assert.Equal([new Topic("skills")], p.Topics));
        Assert.Equal(
            "Pay rises quickly with experience.\n- Level: Junior; Median salary: $110,000\n- Level: Senior; Median salary: $165,000\n"
            + "Senior and beyond:\nStaff engineers lead projects across teams.\n- Senior engineer\n- Staff engineer\n- Principal engineer",
            loaded.Passages.Single(p => p.Id == "example-mle-guide#salary-by-level").Text);
    }

    [Theory]
    [InlineData("switch.md", ImportPages.Markdown, "ds-to-mle")]
    [InlineData("working.txt", ImportPages.Text, "working-as-mle")]
    public void Import_MarkdownAndText_LoadOnceTopicsAreFilledIn(string fileName, string content, string id)
    {
        var guide = Import(fileName, content, id);

        var loaded = GuideLoader.Parse(WithTopics(guide.Markdown), $"/kb/guides/{id}.md");

        Assert.Equal(guide.TopicsToFill, loaded.Passages.Count);
    }

    [Fact]
    public void Import_TodoTopics_AreRefusedByTheLoaderUntilFilledIn()
    {
        var guide = Import("mle-guide.html", ImportPages.Html, "example-mle-guide");

        var ex = Assert.Throws<KnowledgeBaseException>(() => GuideLoader.Parse(guide.Markdown, "/kb/guides/example-mle-guide.md"));

        // Every TODO is reported in the one run, not only the first.
        Assert.Equal("/kb/guides/example-mle-guide.md:10: 'TODO' is not a topic name", ex.Message.Split('\n')[0]);
        Assert.Equal(guide.TopicsToFill, ex.Diagnostics.Count);
        Assert.All(ex.Diagnostics, d => Assert.Equal("'TODO' is not a topic name", d.Message));
    }

    [Fact]
    public void Import_MarkdownSpecialCharacters_ReadBackAsTheSameText()
    {
        const string page = "<html><body><h1>Odd text</h1><h2>Symbols</h2><p># of openings grew 20%.</p><p>2024. A good year.</p>"
            + "<p>Use snake_case, *args and <code>[tests]</code> &lt;b&gt; in C#</p><ul><li># hash</li><li>1. one</li></ul></body></html>";

        var guide = Import("odd.html", page, "odd");

        var passage = GuideLoader.Parse(WithTopics(guide.Markdown), "/kb/guides/odd.md").Passages.Single();
        Assert.Equal("# of openings grew 20%.\n2024. A good year.\nUse snake_case, *args and [tests] <b> in C#\n- # hash\n- 1. one", passage.Text);
    }

    [Fact]
    public void Import_SameHeadingTwice_GetsANumberSoPassageIdsStayUnique()
    {
        const string page = "<h1>T</h1><h2>Salary</h2><p>One.</p><h2>Salary</h2><p>Two.</p><h2>Why?</h2><p>Three.</p><h3>Why?</h3><p>Four.</p>";

        var guide = Import("dup.html", page, "dup");

        var loaded = GuideLoader.Parse(WithTopics(guide.Markdown), "/kb/guides/dup.md");
        Assert.Equal(["Salary", "Salary (2)", "Why?", "Why (2)?"], loaded.Passages.Select(p => p.Heading));
    }

    [Fact]
    public void Import_PageWithoutMainOrHeading_UsesTheBodyAndTheTitleElement()
    {
        const string page = "<html><head><title>Data roles</title></head><body><nav>Home</nav><div><p>Data roles differ. Pick one.</p><h2>Scope</h2>Plain <b>text</b> in a div.</div></body></html>";

        var guide = Import("roles.htm", page, "roles");

        Assert.Equal(
            "---\nid: roles\ntitle: Data roles\nsource: Data roles (imported from roles.htm)\nupdated: 2026-03-10\nsummary: Data roles differ.\n---\n\n"
            + "## Overview\n<!-- topics: TODO -->\nData roles differ. Pick one.\n\n## Scope\n<!-- topics: TODO -->\nPlain text in a div.\n",
            guide.Markdown);
    }

    [Fact]
    public void Import_TitleInAnArticleHeader_IsTheTitleAndTheHeaderAndARepeatedTitleAreLeftOut()
    {
        const string page = "<article><header><h1>Career <em>notes</em></h1><p class=\"byline\">By A. Writer</p></header>"
            + "<div role=\"navigation\">Contents</div><p hidden>Hidden text</p><p style=\"display: none\">Invisible</p>"
            + "<div class=\"content with-sidebar\"><h1>Career notes</h1><p>Body text.</p></div></article>";

        var guide = Import("notes.html", page, "notes");

        Assert.Equal(
            "---\nid: notes\ntitle: Career notes\nsource: Career notes (imported from notes.html)\nupdated: 2026-03-10\nsummary: Body text.\n---\n\n"
            + "## Overview\n<!-- topics: TODO -->\nBody text.\n",
            guide.Markdown);
    }

    [Fact]
    public void Import_TextWithoutTitleLine_TakesTheTitleFromTheFileName()
    {
        var guide = Import("ml_career-notes.txt", "SKILLS\nPython and SQL.\n", "notes");

        Assert.Equal(
            "---\nid: notes\ntitle: Ml career notes\nsource: Ml career notes (imported from ml_career-notes.txt)\nupdated: 2026-03-10\nsummary: Python and SQL.\n---\n\n"
            + "## SKILLS\n<!-- topics: TODO -->\nPython and SQL.\n",
            guide.Markdown);
    }

    [Fact]
    public void Import_UnsupportedFormat_SaysWhichFormatsWork()
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => Import("guide.pdf", "%PDF", "guide"));

        Assert.Equal("guide.pdf: cannot import '.pdf' files; use .html, .htm, .md, .txt", ex.Message);
    }

    [Fact]
    public void Import_PageWithOnlyBoilerplate_FindsNoText()
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => Import("empty.html", "<body><nav>Home</nav><footer>Contact</footer></body>", "empty"));

        Assert.Equal("empty.html: found no text to import", ex.Message);
    }

    [Theory]
    [InlineData("good-id-2", true)]
    [InlineData("Bad-Id", false)]
    [InlineData("bad_id", false)]
    [InlineData("bad id", false)]
    [InlineData("", false)]
    public void IsValidId_Slug_OnlyLowercaseDigitsAndDashes(string id, bool valid)
    {
        Assert.Equal(valid, GuideImporter.IsValidId(id));
    }

    /// <summary>What the operator does after importing: name a topic for every section and question.</summary>
    private static string WithTopics(string markdown) => markdown.Replace("<!-- topics: TODO -->", "<!-- topics: skills -->", StringComparison.Ordinal);
}
