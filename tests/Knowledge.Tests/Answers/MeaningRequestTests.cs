using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class MeaningRequestTests
{
    [Theory]
    [InlineData("what do you mean by production experience", "what is production experience")]
    [InlineData("What do you mean by MLOps?", "what is MLOps")]
    [InlineData("what does MLOps mean?", "what is MLOps")]
    [InlineData("what does model drift mean", "what is model drift")]
    [InlineData("what is meant by feature engineering?", "what is feature engineering")]
    public void Plain_AskingWhatATermMeans_AsksWhatItIs(string text, string expected) =>
        Assert.Equal(expected, MeaningRequest.Plain(text));

    [Theory]
    [InlineData("what does an ML engineer do?")]            // no "mean": a question of its own
    [InlineData("what do you mean")]                        // no term to ask about
    [InlineData("what does it mean for junior engineers if AI writes code")] // "mean" not at the end
    [InlineData("how much do ML engineers make?")]
    public void Plain_AnyOtherQuestion_IsLeftAsItIs(string text) =>
        Assert.Equal(text, MeaningRequest.Plain(text));

    [Fact]
    public void Answer_WhatDoYouMeanByATerm_AnswersAboutTheTerm()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var phd = engine.Answer(new Question("Is a PhD an advantage for ML engineer roles?"));

        var next = engine.Answer(new Question("what do you mean by production experience", phd.Context));

        Assert.True(next.Answered, next.Text);
        Assert.Contains("production", next.Text, StringComparison.OrdinalIgnoreCase);
    }
}
