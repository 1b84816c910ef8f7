using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class IndirectQuestionTests
{
    [Theory]
    [InlineData("Do you know how many interview rounds they usually do for ML roles?", "how many interview rounds they usually do for ML roles?")]
    [InlineData("do you happen to know what the job outlook is", "what the job outlook is")]
    [InlineData("do you know if a masters is needed", "a masters is needed")]
    [InlineData("would you know whether I need a PhD", "I need a PhD")]
    [InlineData("could you tell me which skills matter most", "which skills matter most")]
    [InlineData("any idea how much juniors make", "how much juniors make")]
    [InlineData("can you at least tell me if ML engineers are in demand in Canada", "ML engineers are in demand in Canada")]
    [InlineData("I would be grateful if you could explain the differences", "explain the differences")]
    [InlineData("I'd really appreciate it if you could please list the skills", "list the skills")]
    public void Plain_AQuestionAskedThroughTheBot_IsTheQuestion(string text, string expected) =>
        Assert.Equal(expected, IndirectQuestion.Plain(text));

    [Theory]
    [InlineData("what do you know")]                        // about the bot
    [InlineData("do you know anything about salaries")]     // wraps no question
    [InlineData("do you know")]
    [InlineData("can you tell me more")]                    // a request for more, read elsewhere
    [InlineData("how much do ML engineers make?")]
    [InlineData("I would be grateful")]                     // thanks, asking nothing
    public void Plain_AnyOtherMessage_IsLeftAsItIs(string text) =>
        Assert.Equal(text, IndirectQuestion.Plain(text));

    [Theory]
    [InlineData("Fair enough. Do you know how many interview rounds they usually do for ML roles?", "getting_started")]
    [InlineData("do you happen to know what the job outlook is", "job_market")]
    [InlineData("ok then can you at least tell me if ML engineers are in demand in Canada", "job_market")]
    public void Answer_AQuestionAskedThroughTheBot_IsAnswered(string text, string intent)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(text));

        // Both got the help text: "do you know" read as a question about the bot.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal(intent, answer.Intent.Name);
    }

    [Fact]
    public void Answer_PayAfterAPoliteComparison_ComparesThePayOfBoth()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var comparison = engine.Answer(new Question("Good afternoon. I would be grateful if you could explain the principal differences between the role of a machine learning engineer and that of a data scientist."));

        var pay = engine.Answer(new Question("which one pays more?", comparison.Context));

        // It quoted first the research scientist's and data engineer's pay: "grateful" and "principal",
        // carried over from the request, outweighed the two roles it compared.
        Assert.True(pay.Answered, pay.Text);
        Assert.Equal("mle-career-snapshot#average-machine-learning-engineer-salary", pay.Citations[0].PassageId);
        Assert.Contains("data scientists", pay.Citations[0].Quote, StringComparison.Ordinal);
    }
}
