using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class EnumeratedQuestionsTests
{
    [Fact]
    public void Split_NumberedQuestions_AreEachAQuestion()
    {
        var questions = EnumeratedQuestions.Split("Couple of questions: 1) do I need a PhD to be an ML engineer, 2) how long does it take to learn the basics, 3) is the job market saturated right now, and 4) is remote work common?");

        Assert.Equal(
            ["do I need a PhD to be an ML engineer", "how long does it take to learn the basics", "is the job market saturated right now", "is remote work common?"],
            questions);
    }

    [Theory]
    [InlineData("I have 2 questions. 1. what skills do I need? 2. how much do juniors earn?", 2)]
    [InlineData("(1) is a PhD needed (2) is a masters enough", 2)]
    public void Split_OtherNumberings_AreRead(string text, int count) =>
        Assert.Equal(count, EnumeratedQuestions.Split(text)?.Count);

    [Theory]
    [InlineData("I earn 120k. I want 2. more")]                              // one number, not a list
    [InlineData("2) how long does it take 3) is it worth it")]               // not counted from 1
    [InlineData("1) what skills 2) <!channel> how much do they earn")]       // markup is never offered back as a button
    [InlineData("1) salary 2) skills")]                                      // one word each: no questions
    [InlineData("what skills do I need in 2026? and in 2027?")]
    public void Split_NoNumberedQuestions_IsNull(string text) =>
        Assert.Null(EnumeratedQuestions.Split(text));

    [Fact]
    public void Answer_NumberedQuestions_AnswersTheFirst_AndOffersTheOthers()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("Couple of questions: 1) do I need a PhD to be an ML engineer, 2) how long does it take to learn the basics, 3) is the job market saturated right now, and 4) is remote work common?"));

        // The job market alone was answered, and the other three dropped without a word.
        Assert.True(answer.Answered, answer.Text);
        Assert.StartsWith(Replies.OneAtATime(4), answer.Text, StringComparison.Ordinal);
        Assert.Equal("education", answer.Intent.Name);
        Assert.Equal(["how long does it take to learn the basics", "is the job market saturated right now", "is remote work common?"], answer.Suggestions);
    }

    [Fact]
    public void Answer_APointerToANumberedQuestion_AnswersThatQuestion()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var numbered = engine.Answer(new Question("Couple of questions: 1) do I need a PhD to be an ML engineer, 2) how long does it take to learn the basics, 3) is the job market saturated right now, and 4) is remote work common?"));

        var third = engine.Answer(new Question("thanks. going back to #3, what does the outlook look like for 2030 and beyond?", numbered.Context));
        var fourth = engine.Answer(new Question("#4", numbered.Context));

        // Out of scope at 0.84: "#3" pointed nowhere.
        Assert.True(third.Answered, third.Text);
        Assert.Contains("demand", third.Citations[0].Quote, StringComparison.OrdinalIgnoreCase);
        Assert.True(fourth.Answered, fourth.Text);
        Assert.Contains("remote", fourth.Text, StringComparison.OrdinalIgnoreCase);
    }
}
