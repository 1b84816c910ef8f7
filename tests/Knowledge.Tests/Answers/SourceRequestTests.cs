using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

/// <summary>"source?" after an answer: where it came from.</summary>
public sealed class SourceRequestTests
{
    [Theory]
    [InlineData("source?")]
    [InlineData("sources pls")]
    [InlineData("source? which guide says that")]
    [InlineData("which guide says that")]
    [InlineData("where did you get that from?")]
    [InlineData("what's the source for that?")]
    [InlineData("citation?")]
    [InlineData("link?")]
    public void IsSourceRequest_AskingWhereTheAnswerCameFrom_IsOne(string text) =>
        Assert.True(FollowUpResolver.IsSourceRequest(text));

    [Theory]
    [InlineData("what is the source of income for ml startups")]
    [InlineData("which guide should I read first?")]
    [InlineData("where are most ML jobs?")]
    [InlineData("is open source experience useful?")]
    [InlineData("")]
    public void IsSourceRequest_AQuestionOfItsOwn_IsNone(string text) =>
        Assert.False(FollowUpResolver.IsSourceRequest(text));

    [Fact]
    public void Answer_SourceAfterAnAnswer_CitesItsPassagesAgain_WithEachGuidesOrigin()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var phd = engine.Answer(new Question("do I need a PhD?"));

        var source = engine.Answer(new Question("source?", phd.Context));

        Assert.True(source.Answered);
        Assert.Equal(phd.Citations.Select(c => c.PassageId), source.Citations.Select(c => c.PassageId));
        Assert.Equal(phd.Citations.Select(c => c.Quote), source.Citations.Select(c => c.Quote));
        Assert.StartsWith("My last answer quotes these guides:", source.Text, StringComparison.Ordinal);
        Assert.All(source.Citations, c => Assert.Contains($"- [{c.Number}] {c.GuideTitle}, section \"{c.SectionPath.Replace(" > ", " / ", StringComparison.Ordinal)}\"", source.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(">", source.Text, StringComparison.Ordinal);
        Assert.All(source.Citations, c => Assert.Contains($"Written in our own words from {c.Source}.", source.Text, StringComparison.Ordinal));
        Assert.Equal(phd.Context, source.Context);
    }

    [Fact]
    public void Answer_SourceAfterAGreeting_SaysThereWasNone()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var hello = engine.Answer(new Question("hi"));

        var source = engine.Answer(new Question("source?", hello.Context));

        Assert.Equal(Replies.NoSources, source.Text);
        Assert.Empty(source.Citations);
    }
}
