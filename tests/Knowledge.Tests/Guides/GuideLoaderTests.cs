using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests.Guides;

public sealed class GuideLoaderTests
{
    [Fact]
    public void Parse_Guide_ReadsFrontMatterAndPassages()
    {
        var guide = GuideLoader.Parse(TempKnowledgeBase.GuideA, "/kb/guides/guide-a.md");

        Assert.Equal("guide-a", guide.Id);
        Assert.Equal("Guide A", guide.Title);
        Assert.Equal("\"Guide A\" (a test site)", guide.Source);
        Assert.Equal(new DateOnly(2026, 1, 15), guide.Updated);
        Assert.Equal(
            ["guide-a#what-the-role-is", "guide-a#salary-by-level", "guide-a#skills", "guide-a#do-i-need-a-phd", "guide-a#how-is-the-role-different-from-a-data-scientist"],
            guide.Passages.Select(p => p.Id));
    }

    [Fact]
    public void Parse_FaqQuestion_IsOnePassageWithItsAnswer()
    {
        var guide = GuideLoader.Parse(TempKnowledgeBase.GuideA, "/kb/guides/guide-a.md");

        var faq = guide.Passages.Single(p => p.Id == "guide-a#do-i-need-a-phd");

        Assert.True(faq.IsQuestion);
        Assert.Equal("Do I need a PhD?", faq.Heading);
        Assert.Equal("Frequently asked questions > Do I need a PhD?", faq.SectionPath);
        Assert.Equal("No. A PhD is not required for most machine learning engineer jobs. A bachelor's degree and a strong portfolio are enough for many employers.", faq.Text);
        Assert.Equal([new Topic("education")], faq.Topics);
    }

    [Fact]
    public void Parse_SectionWithList_KeepsItemsAsLines()
    {
        var guide = GuideLoader.Parse(TempKnowledgeBase.GuideA, "/kb/guides/guide-a.md");

        var skills = guide.Passages.Single(p => p.Id == "guide-a#skills");

        Assert.Equal("The core skills are:\n- Python programming\n- Linear algebra and statistics\n- C++ for fast inference", skills.Text);
        Assert.Equal([new Topic("skills")], skills.Topics);
    }

    [Fact]
    public void Parse_LongSectionWithSubsections_SplitsAtSubsections()
    {
        var body = string.Join(' ', Enumerable.Repeat("Engineers build and ship models every week.", 20));
        var markdown = $"""
            ---
            id: long
            title: Long
            source: Long source
            updated: 2026-01-01
            summary: Long.
            ---
            ## Career progression
            <!-- topics: career_path -->
            Levels follow.
            ### Junior engineer
            {body}
            ### Senior engineer
            <!-- topics: career_path, salary -->
            {body}
            """;

        var guide = GuideLoader.Parse(markdown, "long.md");

        // The one-line introduction is too short to stand alone: it opens the first subsection.
        Assert.Equal(["long#junior-engineer", "long#senior-engineer"], guide.Passages.Select(p => p.Id));
        Assert.StartsWith("Levels follow.\nEngineers build", guide.Passages[0].Text, StringComparison.Ordinal);
        Assert.Equal("Career progression > Senior engineer", guide.Passages[1].SectionPath);
        Assert.Equal([new Topic("career_path")], guide.Passages[0].Topics);
        Assert.Equal([new Topic("career_path"), new Topic("salary")], guide.Passages[1].Topics);
    }

    [Fact]
    public void Parse_LongIntroduction_StaysItsOwnPassage()
    {
        var intro = string.Join(' ', Enumerable.Repeat("An introduction that says a good deal.", 10));
        var body = string.Join(' ', Enumerable.Repeat("Engineers build and ship models every week.", 20));
        var markdown = $"---\nid: intro\ntitle: T\nsource: S\nupdated: 2026-01-01\nsummary: s\n---\n## Levels\n<!-- topics: career_path -->\n{intro}\n### Junior\n{body}\n### Senior\n{body}\n";

        var guide = GuideLoader.Parse(markdown, "intro.md");

        Assert.Equal(["intro#levels", "intro#junior", "intro#senior"], guide.Passages.Select(p => p.Id));
    }

    [Fact]
    public void Parse_ShortSectionWithSubsections_StaysOnePassageWithLeadIns()
    {
        const string markdown = """
            ---
            id: short
            title: Short
            source: Short source
            updated: 2026-01-01
            summary: Short.
            ---
            ## Levels
            <!-- topics: career_path -->
            ### Junior
            Two years.
            ### Senior
            Five years.
            """;

        var passage = Assert.Single(GuideLoader.Parse(markdown, "short.md").Passages);

        Assert.Equal("Junior:\nTwo years.\nSenior:\nFive years.", passage.Text);
    }

    [Fact]
    public void Parse_PipeTable_IsOneLinePerRowWithColumnNames()
    {
        const string markdown = """
            ---
            id: pay
            title: Pay
            source: Pay source
            updated: 2026-01-01
            summary: Pay.
            ---
            ## Salary by level
            <!-- topics: salary -->
            Pay rises with experience.

            | Level | Median salary |
            | --- | --- |
            | Junior | $110,000 |
            | Senior | |
            """;

        var passage = Assert.Single(GuideLoader.Parse(markdown, "pay.md").Passages);

        Assert.Equal("Pay rises with experience.\n- Level: Junior; Median salary: $110,000\n- Level: Senior", passage.Text);
    }

    [Theory]
    [InlineData("---\nid: x\ntitle: X\nsource: S\nupdated: 2026-01-01\nsummary: s\n---\n## A\nText.\n", "x.md:8: section 'A' has no <!-- topics: ... --> comment after its heading")]
    [InlineData("---\nid: y\ntitle: X\nsource: S\nupdated: 2026-01-01\nsummary: s\n---\n## A\n<!-- topics: skills -->\nText.\n", "x.md:2: id 'y' must equal the file name 'x'")]
    [InlineData("---\nid: x\ntitle: X\nsource: S\nupdated: soon\nsummary: s\n---\n## A\n<!-- topics: skills -->\nText.\n", "x.md:5: 'updated' must be a date as YYYY-MM-DD, not 'soon'")]
    [InlineData("---\nid: x\ntitle: X\nupdated: 2026-01-01\nsummary: s\n---\n## A\n<!-- topics: skills -->\nText.\n", "x.md:1: front matter needs 'source'")]
    [InlineData("---\nid: x\ntitle: X\nsource: S\nupdated: 2026-01-01\nsummary: s\n---\n## Frequently asked questions\n### Not a question\n<!-- topics: skills -->\nText.\n", "x.md:9: FAQ heading 'Not a question' must be a question ending in '?'")]
    [InlineData("---\nid: x\ntitle: X\nsource: S\nupdated: 2026-01-01\nsummary: s\n---\n## A\n<!-- topics: skills -->\nText.\n## A\n<!-- topics: skills -->\nMore.\n", "x.md:11: passage id 'x#a' is already used on line 8; give the heading other words")]
    [InlineData("no front matter", "x.md:1: missing YAML front matter (--- id, title, source, updated, summary ---)\nx.md:1: text before the first '##' section\nx.md:1: the guide has no '##' sections")]
    public void Parse_Mistake_ReportsFileAndLine(string markdown, string message)
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => GuideLoader.Parse(markdown, "x.md"));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Parse_SeveralMistakes_AreAllReportedInOneRun()
    {
        const string markdown = """
            ---
            id: x
            title: X
            updated: 2026-01-01
            summary: s
            ---
            ## Role
            <!-- topics: TODO -->
            Text.

            ## Empty
            <!-- topics: skills -->

            ## Pay
            Pay text.

            ## Role
            <!-- topics: salary -->
            Again.
            """;

        var ex = Assert.Throws<KnowledgeBaseException>(() => GuideLoader.Parse(markdown, "x.md"));

        Assert.Equal(
        [
            "x.md:1: front matter needs 'source'",
            "x.md:8: 'TODO' is not a topic name",
            "x.md:11: 'Empty' has no text",
            "x.md:14: section 'Pay' has no <!-- topics: ... --> comment after its heading",
            "x.md:17: passage id 'x#role' is already used on line 7; give the heading other words",
        ], ex.Message.Split('\n'));
    }

    [Theory]
    [InlineData("Salary by state (2024)", "salary-by-state-2024")]
    [InlineData("Why C++?", "why-cpp")]
    [InlineData("Is a Master's or Ph.D. required?", "is-a-master-or-ph-d-required")]
    public void Slug_Heading_IsStable(string heading, string slug)
    {
        Assert.Equal(slug, GuideLoader.Slug(heading));
    }
}
