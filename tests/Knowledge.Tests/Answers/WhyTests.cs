using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

/// <summary>"why?" after an answer that quoted part of a passage: the rest of it, first what stands before the part quoted.</summary>
public sealed class WhyTests
{
    [Theory]
    [InlineData("why?")]
    [InlineData("Why")]
    [InlineData("hmm why is that?")]
    [InlineData("how come")]
    public void AsksWhy_AWhyAlone_IsTrue(string text) =>
        Assert.True(FollowUpResolver.AsksWhy(text));

    [Theory]
    [InlineData("why do ML engineers earn more?")]
    [InlineData("why not")]
    [InlineData("")]
    public void AsksWhy_AQuestionOfItsOwn_IsFalse(string text) =>
        Assert.False(FollowUpResolver.AsksWhy(text));

    [Fact]
    public void IsMoreRequest_WhyAfterAPassageQuotedWhole_IsFalse()
    {
        var previous = new ConversationContext("salary", "q", ["salary"], ["a#b"]);

        Assert.False(FollowUpResolver.IsMoreRequest("why?", previous));
        Assert.True(FollowUpResolver.IsMoreRequest("why?", previous with { Unfinished = "a#b" }));
        Assert.True(FollowUpResolver.IsMoreRequest("tell me more", previous));
    }

    /// <summary>"why" after "A master's degree helps but is not strictly required." quoted that sentence again.</summary>
    [Fact]
    public void Answer_WhyAfterTheFirstSentenceOfAPassage_QuotesWhatFollowsIt()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("do I need a master's to become an ML engineer"));
        Assert.StartsWith("A master's degree helps but is not strictly required. [1]", first.Text, StringComparison.Ordinal);

        var answer = engine.Answer(new Question("why?", first.Context));

        Assert.True(answer.Answered, answer.Text);
        Assert.Contains("weigh heavily in hiring", answer.Text, StringComparison.Ordinal);
        Assert.Equal(first.Citations[0].PassageId, answer.Citations[0].PassageId);
    }

    /// <summary>
    /// "why?" after the pay by level, read as "tell me more", quoted what follows it ("Climbing the ladder takes time …")
    /// and the next passage; the reason stands before it. The search "why?" had before found the reason too.
    /// </summary>
    [Fact]
    public void Answer_WhyAfterTheLastPartOfAPassage_QuotesTheReasonBeforeIt()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var context = engine.Answer(new Question("ml engineer vs data scientist whats the diffrence")).Context;
        context = engine.Answer(new Question("which one pays more", context)).Context;
        var seniors = engine.Answer(new Question("and for seniors?", context));
        Assert.Contains("typical ML engineer pay by experience", seniors.Text, StringComparison.Ordinal);

        var answer = engine.Answer(new Question("why?", seniors.Context));

        Assert.Contains("explains the high pay", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Climbing the ladder", answer.Text, StringComparison.Ordinal);
    }
}
