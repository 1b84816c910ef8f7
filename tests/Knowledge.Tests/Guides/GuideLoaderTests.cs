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
        Assert.Equal("A PhD is not required for most machine learning engineer jobs. A bachelor's degree and a strong portfolio are enough for many employers.", faq.Text);
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
        Assert.Equal(("Levels follow.".Length, 0), (guide.Passages[0].LeadLength, guide.Passages[1].LeadLength));
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

    /// <summary>
    /// "Recommended certifications:" before "Certifications Jobicy recommends for ML engineers:" said the
    /// same twice in every quote: a subsection that opens with its own lead-in keeps no heading line.
    /// </summary>
    [Fact]
    public void Parse_SubsectionOpeningWithItsOwnLeadIn_KeepsNoHeadingLine()
    {
        const string markdown = """
            ---
            id: short
            title: Short
            source: Short source
            updated: 2026-01-01
            summary: Short.
            ---
            ## Education
            <!-- topics: education -->
            ### Degrees
            A bachelor's degree.
            ### Recommended certifications
            Certifications the guide recommends:
            - AWS Machine Learning Specialty
            """;

        var passage = Assert.Single(GuideLoader.Parse(markdown, "short.md").Passages);

        Assert.Equal("Degrees:\nA bachelor's degree.\nCertifications the guide recommends:\n- AWS Machine Learning Specialty", passage.Text);
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
    public void Parse_AlternatesComment_GivesThePassageItsAlternateQuestions()
    {
        const string markdown = """
            ---
            id: alt
            title: Alt
            source: Alt source
            updated: 2026-01-01
            summary: Alt.
            ---
            ## Education
            <!-- topics: education -->
            <!-- alternates:
            - What should I study?
            -   Which   degree do employers want?
            - Is a bootcamp enough
            -->
            A bachelor's degree is the usual start.

            ## Frequently asked questions
            ### Do I need a PhD?
            <!-- alternates:
            - Is a doctorate required?

            - can I get hired without graduate school?
            -->
            <!-- topics: education -->
            Most jobs ask only for a bachelor's degree.

            ### Is it remote?
            <!-- topics: job_market -->
            Often.
            """;

        var passages = GuideLoader.Parse(markdown, "alt.md").Passages;

        Assert.Equal(["What should I study?", "Which degree do employers want?", "Is a bootcamp enough"], passages[0].AlternateQuestions);
        Assert.Equal("A bachelor's degree is the usual start.", passages[0].Text);
        Assert.Equal(["Is a doctorate required?", "can I get hired without graduate school?"], passages[1].AlternateQuestions);
        Assert.Equal("Most jobs ask only for a bachelor's degree.", passages[1].Text);
        Assert.Equal([new Topic("education")], passages[1].Topics);
        Assert.Empty(passages[2].AlternateQuestions);
    }

    [Fact]
    public void Parse_AlternatesOfASplitSection_GoToTheIntroductionAndEachSubsection()
    {
        var intro = string.Join(' ', Enumerable.Repeat("An introduction that says a good deal.", 10));
        var body = string.Join(' ', Enumerable.Repeat("Engineers build and ship models every week.", 20));
        var markdown = $"---\nid: split\ntitle: T\nsource: S\nupdated: 2026-01-01\nsummary: s\n---\n"
            + $"## Levels\n<!-- topics: career_path -->\n<!-- alternates:\n- What are the levels?\n-->\n{intro}\n"
            + $"### Junior\n<!-- alternates:\n- What does a junior do?\n- first job duties\n-->\n{body}\n"
            + $"### Senior\n{body}\n";

        var passages = GuideLoader.Parse(markdown, "split.md").Passages;

        Assert.Equal(["split#levels", "split#junior", "split#senior"], passages.Select(p => p.Id));
        Assert.Equal(["What are the levels?"], passages[0].AlternateQuestions);
        Assert.Equal(["What does a junior do?", "first job duties"], passages[1].AlternateQuestions);
        Assert.Empty(passages[2].AlternateQuestions);
        Assert.DoesNotContain("junior do", passages[1].Text, StringComparison.Ordinal);
    }

    private const string Head = "---\nid: x\ntitle: X\nsource: S\nupdated: 2026-01-01\nsummary: s\n---\n";

    [Theory]
    [InlineData(Head + "## A\n<!-- topics: skills -->\n<!-- also: Which skills? -->\nText.\n", "x.md:10: unknown comment 'also:'; under a heading a guide has '<!-- topics: ... -->' and '<!-- alternates: ... -->'")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\n<!-- alternates: Which skills?\n-->\nText.\n", "x.md:10: '<!-- alternates:' stands on a line of its own, followed by one '- ' line per alternate question and a closing '-->' line")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\n<!-- alternates:\n- Which skills?\nWhat tools?\n-->\nText.\n", "x.md:12: an alternate question is a line starting with '- ', not 'What tools?' (is the closing '-->' missing?)")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\n<!-- alternates:\n- Which skills?\nText.\n## B\n<!-- topics: skills -->\nMore.\n", "x.md:12: an alternate question is a line starting with '- ', not 'Text.' (is the closing '-->' missing?)")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\n<!-- alternates:\n- Which skills?\n-\n-->\nText.\n", "x.md:12: empty alternate question")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\n<!-- alternates:\n- Which skills?\n- which  SKILLS\n-->\nText.\n", "x.md:12: alternate question 'which SKILLS' is already on line 11")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\n<!-- alternates:\n- a?\n-->\nText.\n", "x.md:11: alternate question 'a?' repeats the heading")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\n<!-- alternates:\n- q1\n- q2\n- q3\n- q4\n- q5\n- q6\n- q7\n- q8\n- q9\n-->\nText.\n", "x.md:10: 9 alternate questions; a passage has at most 8")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\n<!-- alternates:\n-->\nText.\n", "x.md:10: the alternates comment lists no question")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\n<!-- alternates:\n- Which skills? -->\nText.\n", "x.md:11: the closing '-->' of the alternates comment stands on a line of its own")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\nText.\n<!-- alternates:\n- Which skills?\n-->\n", "x.md:11: the alternates comment must come right after its heading (and topics comment), once")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\n<!-- alternates:\n- Which skills?\n-->\n<!-- alternates:\n- What tools?\n-->\nText.\n", "x.md:13: the alternates comment must come right after its heading (and topics comment), once")]
    [InlineData(Head + "<!-- alternates:\n- Which skills?\n-->\n## A\n<!-- topics: skills -->\nText.\n", "x.md:8: alternate questions before the first '##' section")]
    [InlineData(Head + "## Frequently asked questions\n<!-- alternates:\n- Any questions?\n-->\n### Why?\n<!-- topics: skills -->\nBecause.\n", "x.md:9: the FAQ section is no passage; put alternate questions under each '###' question")]
    [InlineData(Head + "## A\n<!-- topics: skills -->\nIntro.\n### B\n<!-- alternates:\n- Which skills?\n-->\nShort.\n", "x.md:12: 'B' is part of the passage 'A' (the section is not split); put its alternate questions under '## A'")]
    public void Parse_AlternatesMistake_ReportsFileAndLine(string markdown, string message)
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => GuideLoader.Parse(markdown, "x.md"));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Parse_ALineRightAfterAListItem_IsAWarningNamingTheLine_AndAnIndentedOneIsNot()
    {
        // Markdown reads the line as part of the last item, so it was quoted as
        // "- shipping The role is broad." Line 8 is the heading, 9 the topics, 10-14 the text.
        var markdown = Head + "## A\n<!-- topics: skills -->\nThe work includes:\n- testing\n  in production\n- shipping\nThe role is broad.\n";
        var diagnostics = new KnowledgeDiagnostics();

        var guide = GuideLoader.Parse(markdown, "x.md", diagnostics);

        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(14, warning.Line);
        Assert.Contains("- shipping The role is broad.", guide.Passages[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("No: most jobs ask only for a bachelor's degree.", 10)]
    [InlineData("Yes, a portfolio helps.", 10)]
    [InlineData("nope - a bootcamp is enough.", 10)]
    public void Parse_APassageOpeningWithABareYesOrNo_IsAWarningNamingTheLine(string opening, int line)
    {
        // A quote is shown without its heading: "No: most jobs ask only for a bachelor's degree" was
        // the reply to "can I become an ML engineer without college".
        var markdown = Head + $"## Do I need a PhD?\n<!-- topics: education -->\n{opening}\nA PhD helps for research.\n";
        var diagnostics = new KnowledgeDiagnostics();

        GuideLoader.Parse(markdown, "x.md", diagnostics);

        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(line, warning.Line);
        Assert.Contains("bare yes or no", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Most jobs do not call for a PhD: a bachelor's degree is enough.")]
    [InlineData("Nobody needs a PhD for most jobs.")]
    [InlineData("Yesterday's tools are not today's.")]
    public void Parse_APassageThatSaysWhatItAnswers_HasNoWarning(string opening)
    {
        var markdown = Head + $"## Do I need a PhD?\n<!-- topics: education -->\n{opening}\nNo: not for research.\n";
        var diagnostics = new KnowledgeDiagnostics();

        GuideLoader.Parse(markdown, "x.md", diagnostics);

        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Parse_AlternatesOnASplitSectionWithShortIntroduction_IsAnError()
    {
        var body = string.Join(' ', Enumerable.Repeat("Engineers build and ship models every week.", 20));
        var markdown = $"{Head}## Levels\n<!-- topics: career_path -->\n<!-- alternates:\n- What are the levels?\n-->\nLevels follow.\n### Junior\n{body}\n### Senior\n{body}\n";

        var ex = Assert.Throws<KnowledgeBaseException>(() => GuideLoader.Parse(markdown, "x.md"));

        Assert.Equal("x.md:10: 'Levels' is no passage of its own (it is split and its introduction opens 'Junior'); put alternate questions under each '###'", ex.Message);
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
