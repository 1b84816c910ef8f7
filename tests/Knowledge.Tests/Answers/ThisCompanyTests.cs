using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class ThisCompanyTests
{
    [Theory]
    [InlineData("also do you have any open ML positions at this company right now")]
    [InlineData("can you write me a cover letter for an ML engineer position at your company")]
    [InlineData("are you hiring?")]
    [InlineData("Are you guys currently hiring ML engineers")]
    [InlineData("do you have any openings")]
    [InlineData("does your company have open data science roles")]
    [InlineData("what's it like to work here")]
    [InlineData("how do I apply to you")]
    [InlineData("what do ML engineers earn at your firm?")]
    [InlineData("ok but what's the interview process like here")]
    [InlineData("can you pull up which ML engineer roles your company has open right now? I might have candidates")]
    [InlineData("is your company hiring ML engineers")]
    [InlineData("what are your company's open ML roles")]
    [InlineData("any openings at ur org")]
    [InlineData("can you check what our internal pay bands are for the ML engineer job family?")] // got the US entry-level pay as the closest
    [InlineData("do you know if interns here usually get return offers for ML roles?")] // got the demand passage
    [InlineData("what do interns here earn in ML?")]
    [InlineData("interns here usually get return offers for ML roles? my manager hasnt said anything yet")] // "do you know if" left out
    [InlineData("does your company sponsor ML engineers and what's the salary band for the role on your careers page")] // quoted the neighbouring roles' pay
    [InlineData("is the ML role on your careers page remote?")]
    [InlineData("does this company pay for courses")]
    public void IsAskedAbout_ThisCompanysJobsOrHiring_IsTrue(string text) =>
        Assert.True(ThisCompany.IsAskedAbout(text));

    [Theory]
    [InlineData("which companies hire ML engineers?")]
    [InlineData("do you have any tips for landing ML jobs")]
    [InlineData("how do I apply for ML engineer jobs")]
    [InlineData("how does an ML engineer work with the rest of the team")]
    [InlineData("is the job market hiring ML engineers right now")]
    [InlineData("do big companies have more ML roles than startups?")]
    [InlineData("what's the interview process like")]
    [InlineData("my company has no ML team, should I move?")]
    [InlineData("should your first hire be an ML engineer or a data scientist")]
    [InlineData("what are typical pay bands for ML engineers?")]
    [InlineData("intern here 👋 do i need a masters to get hired as an ml engineer or can i go straight from undergrad")] // "I can't answer for this company"
    [InlineData("hi, employee here: which skills does an ML engineer need?")]
    public void IsAskedAbout_TheCareerInGeneral_IsFalse(string text) =>
        Assert.False(ThisCompany.IsAskedAbout(text));

    [Theory]
    [InlineData("can you tell me whether my company's staff level pays more than manager? (its a mid size fintech)")] // quoted the US pay by level
    [InlineData("what are our company's salary bands for ML engineers")]
    [InlineData("how do promotions work at my company? does my employer's ladder have a staff level")]
    [InlineData("is my current employer's compensation fair for an ML engineer?")]
    [InlineData("how do i apply for parental leave at my company")] // answered with how to stand out when applying
    public void IsOwnAskedAbout_TheAskersEmployersLevelsOrPay_IsTrue(string text) =>
        Assert.True(ThisCompany.IsOwnAskedAbout(text));

    [Theory]
    [InlineData("my company has no ML team, should I move?")]
    [InlineData("my company pays for courses, which ones should I take?")]
    [InlineData("what are typical levels for ML engineers?")]
    [InlineData("my manager says I should learn MLOps, is that right?")]
    [InlineData("how do I move into an ML role at my company?")]
    public void IsOwnAskedAbout_AnEmployerThatOnlySetsTheScene_IsFalse(string text) =>
        Assert.False(ThisCompany.IsOwnAskedAbout(text));

    [Fact]
    public void Answer_MyCompanysLevels_SaysTheGuidesKnowNoOneCompany()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("can you tell me whether my company's staff level pays more than manager? (its a mid size fintech)"));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Equal(Replies.OwnCompany, answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Theory]
    [InlineData("do you know if interns here usually get return offers for ML roles? my manager hasnt said anything yet", true)]
    [InlineData("intern here 👋 do i need a masters to get hired as an ml engineer or can i go straight from undergrad", false)] // was "I can't answer for this company"
    public void Answer_InternsHere_IsThisCompanyOnlyWhenItAsksAboutIt(string text, bool thisCompany)
    {
        var answer = new AnswerEngine(RepositoryKnowledgeBase.Snapshot).Answer(new Question(text));

        Assert.Equal(thisCompany, answer.Text == Replies.ThisCompany);
    }

    [Fact]
    public void Answer_OpenPositionsHere_SaysTheGuidesCannotKnow_InsteadOfJobMarketFigures()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("can you review my resume if I paste it here?"));

        // Was answered with Jobicy's demand rating, the big-tech employers and a growth forecast.
        var answer = engine.Answer(new Question("also do you have any open ML positions at this company right now", first.Context));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Equal(Replies.ThisCompany, answer.Text);
        Assert.Empty(answer.Citations);
        Assert.NotEmpty(answer.Suggestions);
    }
}
