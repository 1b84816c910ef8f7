using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class ComplaintTests
{
    [Theory]
    [InlineData("that was useless, it's just generic advice I could find anywhere. give me something concrete")]
    [InlineData("still vague. like name ONE project")]
    [InlineData("that didn't answer my question")]
    [InlineData("not helpful")]
    [InlineData("this is too vague lol")]
    [InlineData("ugh, your answer is not what i asked")]
    [InlineData("thats useless. ONE number")] // without its apostrophe it was read as thanks: "You're welcome!"
    [InlineData("its pretty vague")]
    [InlineData("are you just dumber than chatgpt or what")] // declined naming "dumber"
    [InlineData("ugh you're useless")]
    public void Is_AMessageSayingTheAnswerDidNotHelp_IsTrue(string text) => Assert.True(Complaint.Is(text));

    [Theory]
    [InlineData("it's pointless to do a masters if I have experience?")] // the complaint's word, asking about something
    [InlineData("is ML engineering useless")]
    [InlineData("is it useless to learn R")]
    [InlineData("that is helpful")]
    [InlineData("thats helpful")]
    [InlineData("its useless to learn R?")]
    [InlineData("are you worse than a data scientist at statistics")] // goes on to ask
    [InlineData("are you stupid if you skip the maths?")]
    [InlineData("what skills are not helpful for ML jobs")]
    [InlineData("Hmm, that didn't really help, it kind of just said \"it depends\". Let me put it differently: can I get hired as an ML engineer with only a bachelor's?")] // asks again
    public void Is_AQuestionOrPraise_IsFalse(string text) => Assert.False(Complaint.Is(text));

    [Fact]
    public void Answer_AComplaintAfterAnAnswer_OwnsTheLimit_AndOffersQuestionsOnTheTopic()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("how do I get my first ML engineer job with no experience"));
        Assert.True(first.Answered, first.Text);

        var answer = engine.Answer(new Question("that was useless, it's just generic advice I could find anywhere. give me something concrete", first.Context));

        // It was declined as a question the guides cannot answer, as if nothing had been said.
        Assert.Equal(AnswerKind.Help, answer.Kind);
        Assert.Equal(Replies.Unhelpful, answer.Text);
        Assert.NotEmpty(answer.Suggestions);
        Assert.All(answer.Suggestions, q => Assert.Contains(q, engine.Knowledge.SampleQuestions(new Topic("getting_started"))));
        Assert.DoesNotContain(first.Question, answer.Suggestions);
        Assert.True(answer.Complaint);
        Assert.False(first.Complaint);
    }

    [Fact]
    public void Answer_AComplaintWithNoAnswerBefore_IsNotTakenForOne()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("not helpful"));

        Assert.NotEqual(Replies.Unhelpful, answer.Text);
    }
}
