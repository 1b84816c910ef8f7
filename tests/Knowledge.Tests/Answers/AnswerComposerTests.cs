using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Tests.Answers;

/// <summary>
/// Which sentences of a passage are quoted: the ones that answer the question, not only the ones
/// that share its words (issue 21, item 4).
/// </summary>
public sealed class AnswerComposerTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new();
    private readonly KnowledgeSnapshot _knowledge;

    public AnswerComposerTests() => _knowledge = _kb.Load();

    public void Dispose()
    {
        _knowledge.Dispose();
        _kb.Dispose();
    }

    [Fact]
    public void SelectQuote_HowMuch_TakesTheSentenceWithTheFigure()
    {
        var passage = Section(
            "Pay depends on location, experience and industry.\n"
            + "In the United States, junior engineers earn $100,000 a year.\n"
            + "Remote work is common.");

        var quote = Quote(passage, "how much is the pay?");

        Assert.Contains("$100,000", quote, StringComparison.Ordinal);
        Assert.DoesNotContain("Remote work", quote, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectQuote_Comparison_QuotesBothSides()
    {
        var passage = Section(
            "Data scientists analyse data, run experiments and explain the results to the business.\n"
            + "Machine learning engineers build production software.\n"
            + "Remote work is common in both jobs, and many teams meet in person once a week.\n"
            + "Python is the language both use most, with SQL close behind for reading from warehouses.",
            heading: "How do data scientists and machine learning engineers differ?");

        var quote = Quote(passage, "data scientist vs machine learning engineer");

        Assert.Contains("Data scientists analyse", quote, StringComparison.Ordinal);
        Assert.Contains("Machine learning engineers build", quote, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectQuote_IntroductionAlone_TakesTheOpeningOfWhatItIntroduces()
    {
        const string intro = "The job has hard parts that ordinary software work does not.";
        var passage = Section(
            intro + "\n"
            + "Real data is often incomplete, mislabelled or biased.\n"
            + "Cleaning it takes much of the week.\n"
            + "Bad data sinks more projects than bad algorithms.") with { LeadLength = intro.Length };

        var quote = Quote(passage, "what are the hard parts of the job?");

        Assert.StartsWith(intro, quote, StringComparison.Ordinal);
        Assert.Contains("Real data is often incomplete", quote, StringComparison.Ordinal);
    }

    /// <summary>
    /// "how do i get started in ml engineering from zero" (a newcomer's question) was answered with
    /// step 6 of a section's eight steps, the one item that says "ML engineers". The section's heading
    /// asks the question ("How to become a machine learning engineer"), so its opening answers it, as
    /// an FAQ answer's does.
    /// </summary>
    [Fact]
    public void SelectQuote_AHeadingThatAsksTheQuestion_QuotesTheSectionsOpening_NotTheItemThatRepeatsItsWords()
    {
        var passage = Section(
            "The guide sets out six steps:\n"
            + "- Step 1, take mathematics and physics classes at school.\n"
            + "- Step 2, earn a bachelor's degree in a quantitative subject.\n"
            + "- Step 3, study statistics and data mining in depth.\n"
            + "- Step 4, gain practical experience with projects and internships.\n"
            + "- Step 5, learn the languages machine learning engineers use most.\n"
            + "- Step 6, apply and expect several interviews.",
            heading: "How to become a machine learning engineer",
            faq: false);

        var quote = Quote(passage, "how do i become a machine learning engineer");

        Assert.StartsWith("The guide sets out six steps:\n- Step 1", quote, StringComparison.Ordinal);
    }

    /// <summary>
    /// "do ml engineers work overtime" (a newcomer's question) was answered with the 9-to-5 sentence of
    /// a three-sentence section on work hours, leaving out the deadlines that stretch them. A section
    /// that lists the questions it answers is an answer, as an FAQ entry is: short, it is quoted whole.
    /// A section without such questions is still cut to the sentence asked about.
    /// </summary>
    [Fact]
    public void SelectQuote_AShortSectionWithAlternateQuestions_IsQuotedWhole_LikeAnFaqAnswer()
    {
        const string text = "Most engineers keep a standard schedule of 9 am to 5 pm on weekdays.\n"
            + "Deadlines or outages can stretch those hours.\n"
            + "Much of the work can be done remotely.";
        var plain = Section(text, heading: "Typical work hours", faq: false);
        var asked = plain with { AlternateQuestions = ["do engineers work overtime near deadlines", "what hours do engineers work"] };

        Assert.Equal(text, Quote(asked, "do engineers work overtime"));
        Assert.NotEqual(text, Quote(plain, "do engineers work overtime"));
    }

    [Fact]
    public void SelectQuote_HeadingLine_TakesItsSentenceWhenAlone_AndIsDroppedAtTheEnd()
    {
        var passage = Section(
            "Python is the language most teams use for models.\n"
            + "Cloud platforms:\n"
            + "Most teams deploy on a cloud platform such as Azure or AWS.\n"
            + "Outlook:\n"
            + "Demand keeps growing.");

        Assert.Equal("Cloud platforms:\nMost teams deploy on a cloud platform such as Azure or AWS.", Quote(passage, "cloud platforms"));
        Assert.Equal("Most teams deploy on a cloud platform such as Azure or AWS.", Quote(passage, "deploy on azure, outlook"));
    }

    [Fact]
    public void SelectQuote_SentenceThatRefersBack_TakesTheOneBefore()
    {
        var passage = Section(
            "Engineers build data pipelines for training.\n"
            + "These pipelines must deal with missing values and drift.\n"
            + "Remote work is common.");

        Assert.Equal(
            "Engineers build data pipelines for training.\nThese pipelines must deal with missing values and drift.",
            Quote(passage, "missing values and drift"));

        var problems = Section(
            "A model that breaks under real traffic is of little value.\n"
            + "ML engineers exist to solve exactly those problems.\n"
            + "Remote work is common.");
        Assert.StartsWith("A model that breaks", Quote(passage: problems, "why do ML engineers exist"), StringComparison.Ordinal);
    }

    [Fact]
    public void SelectQuote_TellMeMore_QuotesAWholePassageOfModerateLength()
    {
        var text = string.Join('\n', Enumerable.Range(1, 6).Select(i => $"Sentence {i} says something about remote work."));
        var passage = Section(text);
        var weights = Weights("remote work");

        Assert.NotEqual(text, _knowledge.Composer.SelectQuote(passage, weights, QuoteFocus.Plain(2026)));
        Assert.Equal(text, _knowledge.Composer.SelectQuote(passage, weights, QuoteFocus.Plain(2026) with { More = true }));
    }

    [Fact]
    public void SelectQuote_TellMeMore_OnALongPassage_QuotesAtMostSixSentences()
    {
        var text = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"Sentence {i} says something about remote work in a fairly long way."));
        var quote = _knowledge.Composer.SelectQuote(Section(text), Weights("remote work"), QuoteFocus.Plain(2026) with { More = true });

        Assert.True(text.Length > 700);
        Assert.Equal(6, quote.Split('\n').Length);
    }

    [Fact]
    public void SelectQuote_ASentenceAboutAPassedYear_GivesWayToACurrentOneThatAnswersAsWell()
    {
        var passage = Section(
            "The market for engineers was forecast to double by 2024.\n"
            + "Python remains the main language.\n"
            + "The market for engineers keeps growing.");

        Assert.Equal("The market for engineers keeps growing.", Quote(passage, "market for engineers", year: 2026));
        Assert.Contains("2024", Quote(passage, "market for engineers", year: 2023), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_QuoteAboutAPassedYear_IsFollowedByANoteWithTheGuideDate()
    {
        var passage = Section("The market for engineers was forecast to double by 2024.\nPython remains the main language.");
        var weights = Weights("market forecast");

        var (dated, _) = _knowledge.Composer.Compose([passage], weights, QuoteFocus.Plain(2026));
        var (current, _) = _knowledge.Composer.Compose([passage], weights, QuoteFocus.Plain(2024));
        var (unknown, _) = _knowledge.Composer.Compose([passage], weights, QuoteFocus.Plain(0));

        Assert.EndsWith(Replies.PastYear(1, 2024, new DateOnly(2026, 1, 15)), dated, StringComparison.Ordinal);
        Assert.Contains("2024, a year that has passed", dated, StringComparison.Ordinal);
        Assert.DoesNotContain("Note:", current, StringComparison.Ordinal);
        Assert.DoesNotContain("Note:", unknown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how much do ML engineers make?", true, 0)]
    [InlineData("what's the salary in Texas", true, 0)]
    [InlineData("how long does it take?", true, 0)]
    [InlineData("ML engineer vs data scientist", false, 2)]
    [InlineData("what is the difference between a data scientist and a software engineer", false, 2)]
    [InlineData("do I need a PhD or a master's", false, 2)]
    [InlineData("which pays more, ML engineer or data scientist?", true, 2)]
    [InlineData("do I need a PhD?", false, 0)]
    [InlineData("ML engineer or ML engineer?", false, 0)]
    [InlineData("ok i want ask, ml engineer and data scientist what is difference in simple words", false, 2)] // the ML engineer's half was left out
    [InlineData("ml engineer and data scientist, whats the difference", false, 2)]
    [InlineData("ML engineers and data scientists work together", false, 0)]
    public void QuoteFocus_ReadsFiguresAndComparedSides(string question, bool figure, int sides)
    {
        var focus = QuoteFocus.Of(question, _knowledge.StemsOf, 2026);

        Assert.Equal(figure, focus.WantsFigure);
        Assert.Equal(sides, focus.Sides.Count);
    }

    [Theory]
    [InlineData("forecast to reach $31 billion by 2024", 2024)]
    [InlineData("the Future of Jobs Survey 2020, then 2024", 2020)]
    [InlineData("growth of +40% through 2026", 2026)]
    [InlineData("an average of $2015 a month, or €2020", int.MaxValue)]
    [InlineData("2000 hours of practice", int.MaxValue)]
    [InlineData("no year at all", int.MaxValue)]
    public void QuoteFocus_EarliestYear_IsAFourDigitYearNotAnAmount(string sentence, int expected) =>
        Assert.Equal(expected, QuoteFocus.EarliestYearIn(sentence));

    private string Quote(Passage passage, string question, int year = 2026) =>
        _knowledge.Composer.SelectQuote(passage, Weights(question), QuoteFocus.Of(question, _knowledge.StemsOf, year));

    private Dictionary<string, double> Weights(string question) =>
        _knowledge.Retriever.StemWeights(new RetrievalQuery(_knowledge.Analyzer.Tokens(question), [], null, new HashSet<string>()));

    /// <summary>A passage of its own, not in the index; an FAQ entry when it has a <paramref name="heading"/> (its question), unless <paramref name="faq"/> says otherwise.</summary>
    private static Passage Section(string text, string? heading = null, bool? faq = null) =>
        new("guide-a#test", "guide-a", "Guide A", "a test site", new DateOnly(2026, 1, 15), heading ?? "Notes", heading ?? "Notes", text, [], faq ?? heading is not null);
}
