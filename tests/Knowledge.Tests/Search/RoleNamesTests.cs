using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Tests.Search;

public sealed class RoleNamesTests
{
    private static readonly SynonymRules Rules = SynonymRules.Parse(
    [
        "machine learning engineer, ml engineer, mle",
        "data scientist, data scientists, ds",
        "research scientist, research scientists",
        "ai engineer, ai engineers",
        "software engineer, software engineers, swe, programmer",
        "deep learning, dl",
        "artificial intelligence, ai",
    ]);

    private static RoleNames Roles()
    {
        var analyzer = new KnowledgeAnalyzer(Rules);
        return new RoleNames(Rules, analyzer.Tokens);
    }

    [Theory]
    [InlineData("ML engineer vs research scientist?", new[] { "research scientist" })]
    [InlineData("how do research scientists and data scientists differ", new[] { "data scientist", "research scientist" })]
    [InlineData("Data scientists concentrate on statistical analysis", new[] { "data scientist" })]
    [InlineData("senior SWE here", new[] { "software engineer" })]
    [InlineData("turning research prototypes into software", new string[0])] // the words apart name no role
    [InlineData("what does an ML engineer do", new string[0])]                 // the guides' own subject is none
    [InlineData("deep learning for an ai-engineer job", new[] { "ai engineer" })]
    public void Of_NamesTheRolesTheTextNames_AsNames(string text, string[] expected)
    {
        var roles = Roles();
        var names = new[] { "data scientist", "research scientist", "ai engineer", "software engineer" };

        var named = roles.Of(text);

        Assert.Equal(4, roles.Count);
        Assert.Equal(expected.Order(), names.Where((_, i) => (named & (1 << i)) != 0).Order());
    }

    [Fact]
    public void TermsOf_LeavesOutTheSubjectsTerms()
    {
        var roles = Roles();

        // "ai engineer" is read as "artificial intelligence engineer": "engineer" is the guides' subject's
        // word, in nearly every passage, and tells no role apart.
        Assert.Equal(["artifici", "intellig"], roles.TermsOf(roles.Of("ai engineers")).Order());
        Assert.Equal(["research", "scientist"], roles.TermsOf(roles.Of("research scientist")).Order());
    }

    [Theory]
    [InlineData("ML engineer vs research scientist?")]
    [InlineData("which pays more, research scientist or data engineer?")]
    [InlineData("what's the actual difference between research scientist and ML engineer then")] // the software engineer comparison, by its heading
    public void Answer_AComparisonWithAResearchScientist_QuotesThePassageThatNamesThem_NotTheDataScientistComparisons(string text)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(text));

        // Each quoted a data scientist comparison first ("scientist", "research prototypes").
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("how-to-become-mle#career-progression-and-salaries-by-level", answer.Citations[0].PassageId);
        Assert.Contains("research scientist", answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_AIEngineerVsMLEngineer_QuotesThePassageThatNamesAIEngineers()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("AI engineer vs ML engineer, what's the difference?"));

        // The zengig definition of the ML engineer came first: it names no role and says
        // "artificial intelligence", while the passage on AI engineers says it beside data scientists.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("zengig-mle-guide#cross-functional-opportunities", answer.Citations[0].PassageId);
        Assert.Contains("AI engineer", answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_APassageNamingTheAskedRoleButCoveringLittle_IsNotRaisedAboveOneThatAnswers()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("Which pays better, ML engineer or software engineer, and is the extra difficulty of the ML path worth it if you're just after the money?"));

        // Raised for naming software engineers, the software engineer comparison (no pay in it, a
        // third of the question's words) came first, as the closest passage.
        Assert.True(answer.Answered, answer.Text);
        Assert.False(answer.Closest, answer.Text);
        Assert.Contains("$", answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_WhatAResearchScientistDoesDifferently_IsNotAnsweredWithTheDataScientistComparisons()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("what does an AI research scientist do differently from an ML engineer?"));

        // "Data scientists concentrate on statistical analysis …" came first. A passage on ML engineers
        // alone answers one side of the question and may come first; one on data scientists answers neither.
        Assert.True(answer.Answered, answer.Text);
        Assert.DoesNotContain(answer.Citations, c => c.Quote.Contains("data scientist", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Answer_AFollowUpComparingWithAResearchScientist_QuotesThePassageThatNamesThem()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var comparison = engine.Answer(new Question("ML engineer vs data scientist, what's the actual difference"));

        var answer = engine.Answer(new Question("compare both to AI research scientist", comparison.Context));

        Assert.Contains("data scientist", comparison.Citations[0].Quote, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("how-to-become-mle#career-progression-and-salaries-by-level", answer.Citations[0].PassageId);
    }

    [Fact]
    public void Answer_ARoleNamedAsBackground_DoesNotPickThePassages()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("senior SWE here, 8 yrs, mostly distributed systems. how much of that transfers to MLE"));

        // Not a comparison: with the role deciding, the pay passage (which names software engineers'
        // pay) was quoted for it.
        Assert.DoesNotContain(answer.Citations, c => c.PassageId == "mle-career-snapshot#average-machine-learning-engineer-salary");
    }
}
