using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class OtherGuidesTests
{
    [Theory]
    [InlineData("Do all the guides agree on that? Students keep telling me you need a Master's.")] // declined naming "Students" and "telling"
    [InlineData("do the other guides say the same number? because that seems high")]              // declined as out of scope
    [InlineData("what do the other guides say")]
    [InlineData("ok but do they all agree?")]
    [InlineData("Is that the same in every guide?")]
    [InlineData("do your sources back that up")]
    [InlineData("does every guide say that?")]
    public void AsksOtherGuides_AskingWhetherTheGuidesAgree_IsTrue(string text) =>
        Assert.True(FollowUpResolver.AsksOtherGuides(text));

    [Theory]
    [InlineData("which guide says that?")]                                  // a source request
    [InlineData("do the guides say anything about internships?")]            // a question of its own
    [InlineData("do all the guides agree on that? and what about seniors?")] // goes on to ask
    [InlineData("I agree with the guide")]
    [InlineData("do ML engineers and data scientists agree on tools?")]
    [InlineData("")]
    public void AsksOtherGuides_AnythingElse_IsFalse(string text) =>
        Assert.False(FollowUpResolver.AsksOtherGuides(text));

    [Fact]
    public void Answer_DoTheGuidesAgree_QuotesOnlyGuidesTheLastAnswerDidNot()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("What's the average ML engineer salary in the US?"));
        Assert.True(first.Answered, first.Text);

        var answer = engine.Answer(new Question("do the other guides say the same number? because that seems high", first.Context));

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.StartsWith(Replies.OtherGuides, answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
        var quoted = first.Citations.Select(c => c.GuideTitle).ToHashSet();
        Assert.All(answer.Citations, c => Assert.DoesNotContain(c.GuideTitle, quoted));
        Assert.Contains("$", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_DoTheGuidesAgree_WhenNoOtherGuideSpeaksToIt_NamesTheOneThatDoes()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("what is training-serving skew?"));
        Assert.True(first.Answered, first.Text);

        var answer = engine.Answer(new Question("do the other guides agree?", first.Context));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Equal(Replies.OnlyGuide([first.Citations[0].GuideTitle]), answer.Text);
        Assert.Empty(answer.Citations);
        Assert.NotEmpty(answer.Suggestions);
    }

    /// <summary>At a conversation's start it was declined as a question the guides cannot answer.</summary>
    [Fact]
    public void Answer_DoTheGuidesAgree_BeforeAnyAnswer_SaysThereIsNothingToCompare()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("do all the guides agree on that?"));

        Assert.Equal(Replies.NothingToCompare, answer.Text);
        Assert.NotEmpty(answer.Suggestions);
    }

    [Fact]
    public void OnlyGuide_NamesEachGuideInQuotes()
    {
        Assert.StartsWith("Only \"A\" speaks to that", Replies.OnlyGuide(["A"]), StringComparison.Ordinal);
        Assert.StartsWith("Only \"A\", \"B\" and \"C\" speak to that", Replies.OnlyGuide(["A", "B", "C"]), StringComparison.Ordinal);
    }
}
