using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class ImmigrationTests
{
    [Theory]
    [InlineData("I'm from India and want to work as an ML engineer in Germany. which visa should I apply for?")] // quoted "stay current with research"
    [InlineData("i got offer from company in canada for ml engineer, how i apply work permit")] // quoted the eight steps
    [InlineData("ok so u cant help, what about h1b for usa")] // got the help text
    [InlineData("My company is sponsoring my H-1B, can I switch from data analyst to ML engineer title without refiling?")]
    [InlineData("do you know how TN visas work for canadians in tech")]
    [InlineData("can my employer sponsor a green card for an ml engineer")]
    [InlineData("how hard is it to immigrate to the US as an ML engineer")]
    [InlineData("do I need a Blue Card to work in Berlin")]
    public void IsAskedAbout_AVisaPermitOrImmigration_IsTrue(string text) =>
        Assert.True(Immigration.IsAskedAbout(text));

    [Theory]
    [InlineData("I'm on an H-1B, how long does it take to become an ML engineer?")]
    [InlineData("i have a work permit already, which skills do ML engineers need")]
    [InlineData("do ML engineers work remotely?")]
    [InlineData("what is a permit to work in ML")] // no permit named as one
    [InlineData("how much do ML engineers make in the US?")]
    public void IsAskedAbout_TheCareerOrOnlyTheAskersOwnStatus_IsFalse(string text) =>
        Assert.False(Immigration.IsAskedAbout(text));

    [Theory]
    [InlineData("which visa should I apply for?")] // the closest answer quoted standing out when applying
    [InlineData("i got offer from company in canada for ml engineer, how i apply work permit")]
    public void Answer_AVisaQuestion_SaysTheGuidesDoNotCoverImmigration(string text)
    {
        var answer = new AnswerEngine(RepositoryKnowledgeBase.Snapshot).Answer(new Question(text));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Equal(Replies.Immigration, answer.Text);
        Assert.Empty(answer.Citations);
    }
}
