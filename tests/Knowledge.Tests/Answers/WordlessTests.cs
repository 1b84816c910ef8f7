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

    [Theory]
    [InlineData("how much $$ do they make fr 💰💰", "how much $$ do they make fr")]
    [InlineData("intern here 👋 do i need a masters", "intern here, do i need a masters")] // the wave stands where a comma would
    [InlineData("yo 👋 im 16 and ML sounds sick 🔥 what do i need 2 learn rn??", "yo, im 16 and ML sounds sick, what do i need 2 learn rn??")]
    [InlineData("thanks! 🙏", "thanks!")]
    [InlineData("👍👍 ok", "ok")]
    [InlineData("is it worth it? 🤷‍♂️ idk", "is it worth it? idk")] // a joined emoji, with its joiner and variation selector
    [InlineData("what do ML engineers earn", "what do ML engineers earn")]
    [InlineData("café in Zürich, how much?", "café in Zürich, how much?")] // letters outside ASCII stay
    [InlineData("👍", "👍")] // nothing but symbols: for Approves to read
    [InlineData("🤔🤔", "🤔🤔")]
    public void WithoutPictographs_LeavesTheWords(string text, string expected) =>
        Assert.Equal(expected, Wordless.WithoutPictographs(text));

    /// <summary>Read as a question on challenges (0.62) with the emoji, it quoted the passage on automation.</summary>
    [Fact]
    public void Answer_AQuestionWithEmoji_IsAnsweredAsWithout()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("how much $$ do they make fr 💰💰"));

        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("salary", answer.Intent.Name);
        Assert.Contains("$", answer.Text.Split("\n\n")[0], StringComparison.Ordinal);
    }
}
