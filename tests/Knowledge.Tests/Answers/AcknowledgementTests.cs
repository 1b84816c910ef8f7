using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class AcknowledgementTests
{
    [Theory]
    [InlineData("ok")]
    [InlineData("Okay.")]
    [InlineData("kk")]
    [InlineData("fair enough")]
    [InlineData("whatever, fair enough")]
    [InlineData("fine, whatever")]
    [InlineData("ok fine")]
    [InlineData("i see")]
    [InlineData("ah i see")]
    [InlineData("oh ok")]
    [InlineData("got it")]
    [InlineData("gotcha!")]
    [InlineData("noted.")]
    [InlineData("makes sense")]
    [InlineData("that makes sense")]
    [InlineData("good point")]
    [InlineData("that's fair")]
    [InlineData("cool")]
    [InlineData("alright then")]
    [InlineData("ok 👍")]
    public void Is_OnlyAcknowledgements_IsTrue(string text) => Assert.True(Acknowledgement.Is(text));

    [Theory]
    [InlineData("ok?")]                              // asks whether something holds
    [InlineData("right?")]
    [InlineData("yes")]                              // may accept what was offered
    [InlineData("ok so what about seniors")]
    [InlineData("fair pay for juniors")]
    [InlineData("is it fine to skip a degree")]
    [InlineData("cool jobs in ML")]
    [InlineData("i see a lot of ads for ML jobs, is the demand real")]
    [InlineData("thanks")]                           // thanks, which the intent model reads
    [InlineData("in AI i guess")]
    public void Is_AQuestionOrMore_IsFalse(string text) => Assert.False(Acknowledgement.Is(text));

    [Fact]
    public void Is_ALongRunOfAcknowledgements_IsNotTried() =>
        Assert.False(Acknowledgement.Is(string.Join(' ', Enumerable.Repeat("ok", 100))));

    /// <summary>
    /// "fair enough" after an answer quoted the bias-and-fairness passage; "ok" and "i see" were declined as
    /// questions the guides cannot answer, "cool" quoted a passage and "got it" said goodbye.
    /// </summary>
    [Theory]
    [InlineData("fair enough")]
    [InlineData("ok")]
    [InlineData("i see")]
    [InlineData("cool")]
    [InlineData("got it")]
    public void Answer_AnAcknowledgementAfterAnAnswer_QuotesNothing_OffersTheTopic_AndKeepsTheThread(string text)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("how much do ML engineers earn?"));
        Assert.True(first.Answered, first.Text);

        var answer = engine.Answer(new Question(text, first.Context));

        Assert.Equal(AnswerKind.Thanks, answer.Kind);
        Assert.Equal(Replies.Acknowledged, answer.Text);
        Assert.Empty(answer.Citations);
        // The thread's topic first, then others, three in all: the pay topic has one sample question left.
        Assert.Contains(answer.Suggestions[0], engine.Knowledge.SampleQuestions(new Topic("salary")));
        Assert.Equal(3, answer.Suggestions.Count);
        Assert.Equal(3, answer.Suggestions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(first.Question, answer.Suggestions);
        var more = engine.Answer(new Question("tell me more", answer.Context));
        Assert.Equal(engine.Answer(new Question("tell me more", first.Context)).Text, more.Text);
    }
}
