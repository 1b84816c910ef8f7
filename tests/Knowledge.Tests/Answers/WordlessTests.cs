using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class WordlessTests
{
    [Theory]
    [InlineData("??")]
    [InlineData("🤔")]
    [InlineData("...")]
    [InlineData("huh?")]
    [InlineData("hmmm")]
    [InlineData("👍")]
    [InlineData(":)")]
    public void Is_NoWordsToSearchWith_IsTrue(string text) => Assert.True(Wordless.Is(text));

    [Theory]
    [InlineData("what?")]
    [InlineData("ok")]
    [InlineData("2?")]
    [InlineData("hmm what about pay")]
    [InlineData("MLOps?")]
    public void Is_AWordOrNumber_IsFalse(string text) => Assert.False(Wordless.Is(text));

    [Theory]
    [InlineData("👍", true)]
    [InlineData("🙏🙏", true)]
    [InlineData(":)", true)]
    [InlineData("❤️", true)]
    [InlineData("👍?", false)]
    [InlineData("🤔", false)]
    [InlineData("😂🤔", false)]
    [InlineData("??", false)]
    [InlineData("huh", false)]
    [InlineData("...", false)]
    public void Approves_ApprovalWithoutDoubt(string text, bool approves) => Assert.Equal(approves, Wordless.Approves(text));

    /// <summary>
    /// Newcomers' "??" after the outlook quote and "🤔" after the entry-level answer were read as
    /// follow-ups made of the previous answer's words, and quoted that answer or its neighbour again;
    /// "👍" after the salary answer repeated the salary figures.
    /// </summary>
    [Theory]
    [InlineData("??")]
    [InlineData("🤔")]
    [InlineData("huh?")]
    public void Answer_NoWordsAfterAnAnswer_AsksForWords_AndKeepsTheThread(string text)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("how much do ML engineers earn?"));
        Assert.True(first.Answered, first.Text);

        var answer = engine.Answer(new Question(text, first.Context));

        Assert.Equal(AnswerKind.Help, answer.Kind);
        Assert.Equal(Replies.Unclear, answer.Text);
        Assert.Empty(answer.Citations);
        Assert.NotEmpty(answer.Suggestions);
        // Offered on the thread's topic: pay questions after the salary answer, not the general samples.
        Assert.All(answer.Suggestions, q => Assert.Contains(q, engine.Knowledge.SampleQuestions(new Topic("salary"))));
        var more = engine.Answer(new Question("tell me more", answer.Context));
        Assert.True(more.Answered, more.Text);
        Assert.Equal(engine.Answer(new Question("tell me more", first.Context)).Text, more.Text);
    }

    [Fact]
    public void Answer_ThumbsUpAfterAnAnswer_IsThanks()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("how much do ML engineers earn?"));

        var answer = engine.Answer(new Question("👍", first.Context));

        Assert.Equal(AnswerKind.Thanks, answer.Kind);
        Assert.Empty(answer.Citations);
    }
}
