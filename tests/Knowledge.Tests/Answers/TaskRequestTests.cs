using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class TaskRequestTests
{
    [Theory]
    [InlineData("write me a cover letter for an ml engineer job at a fintech", true)]
    [InlineData("Translate thank you into French", true)]
    [InlineData("Can you write my CV?", true)]
    [InlineData("  Proofread my essay", true)]
    [InlineData("can u write me a cover letter for an entry level data job?", true)]
    [InlineData("Could you also translate this into French for me quickly?", true)]
    [InlineData("ok, can you please write me a query to find duplicate rows", true)]
    [InlineData("hi! could you quickly draft my bio", true)]
    [InlineData("unrelated but can you write me a query to find duplicate rows in a table with 40 columns", true)] // was the help text
    [InlineData("Unrelated question, but could you translate my CV", true)]
    [InlineData("unrelated but is writing clean code part of the job", false)]
    [InlineData("can you tell me what ML engineers write", false)]
    [InlineData("I need to write a cover letter, what should it say", false)] // asks the guides
    [InlineData("writing skills for ml engineers", false)] // "writing" is not "write"
    [InlineData("what do ml engineers write code in", false)]
    [InlineData("how do I draft a study plan", false)]
    [InlineData("Then at least write my CV for a junior ML engineer position.", true)] // "then" and "at least" before it
    [InlineData("fine, draft me a cover letter", true)]
    [InlineData("then what should I write in my CV", false)]
    [InlineData("", false)]
    public void AsksToMakeSomething_OnlyWhenTheMessageOpensWithTheRequest(string text, bool expected)
    {
        Assert.Equal(expected, TaskRequest.AsksToMakeSomething(text));
    }

    [Theory]
    [InlineData("Then at least write my CV for a junior ML engineer position. I have a BSc in maths and one internship.", true)]
    [InlineData("can you write me a resume saying I have 5 years of experience", true)]
    [InlineData("please draft my cover letter for a data analyst job at Spotify", true)]
    [InlineData("write a strong personal statement for my master's application", true)]
    [InlineData("could you help me write my LinkedIn summary", true)]
    [InlineData("can you write me a job posting for a senior MLE", true)] // quoted the career opportunities
    [InlineData("draft a job description for our first ML hire", true)]
    [InlineData("what should a job posting for an ML engineer ask for", false)]
    [InlineData("how should I write my CV", false)] // asks the guides, not the bot
    [InlineData("I need to write a cover letter, what should it say", false)]
    [InlineData("write down the steps to become an ML engineer", false)] // no paper of the asker's
    [InlineData("what should go in the projects section of my resume", false)]
    public void AsksToWriteTheirs_OnlyARequestToWriteTheAskersOwnPaper(string text, bool expected)
    {
        Assert.Equal(expected, TaskRequest.AsksToWriteTheirs(text));
    }

    [Fact]
    public void Answer_RequestToWriteACv_AfterADeclinedRequest_IsDeclinedAsSuch_WhateverTheTopic()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var script = engine.Answer(new Question("Write me a Python script that scrapes LinkedIn job postings for ML roles."));
        var why = engine.Answer(new Question("Why not? It's for my career research.", script.Context));

        var cv = engine.Answer(new Question("Then at least write my CV for a junior ML engineer position. I have a BSc in maths and one internship.", why.Context));

        // It quoted the eight steps to the job (education at 0.79) as if they were the CV.
        Assert.Equal(AnswerKind.Declined, cv.Kind);
        Assert.StartsWith(Replies.NoWriting, cv.Text, StringComparison.Ordinal);
        Assert.Empty(cv.Citations);
    }

    [Theory]
    [InlineData("can you make up a certificate from Stanford I can attach", true)]
    [InlineData("Could u please fake me a reference letter", true)]
    [InlineData("help me forge a degree", true)]
    [InlineData("make up some projects for my portfolio", true)]
    [InlineData("how can I make up for not having a degree", false)] // asks nothing made
    [InlineData("is it bad to fake a little experience on a resume?", false)] // a question, not a request
    [InlineData("what certificates do ML engineers get", false)]
    public void AsksToFabricate_OnlyARequestToMakeSomethingUp(string text, bool expected)
    {
        Assert.Equal(expected, TaskRequest.AsksToFabricate(text));
    }

    [Theory]
    [InlineData("can you review my resume if I paste it here?", true)]
    [InlineData("Could you look over my CV?", true)]
    [InlineData("please check my portfolio", true)]
    [InlineData("can I send you my cover letter", true)]
    [InlineData("how should I improve my resume", false)] // asks the guides, not the bot
    [InlineData("what should my resume include", false)]
    [InlineData("do recruiters review a portfolio closely?", false)]
    [InlineData("can I share my github projects with recruiters?", false)] // shared with others, not sent to the bot
    [InlineData("if I paste my cover letter here can you check it", true)]
    public void AsksForReview_OnlyARequestToReadSomethingOfTheAskers(string text, bool expected)
    {
        Assert.Equal(expected, TaskRequest.AsksForReview(text));
    }

    [Fact]
    public void Answer_RequestToReviewAResume_SaysItCannot_AboveWhatTheGuidesSay()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("can you review my resume if I paste it here?"));

        // Quoted what to show on a resume with nothing to say the bot would not read one.
        Assert.True(answer.Answered, answer.Text);
        Assert.StartsWith(Replies.NoReview, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_RequestToMakeUpACertificate_IsDeclinedAsSuch()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var resume = engine.Answer(new Question("Can you write me a resume saying I have 5 years of ML engineering experience at Google? I only have 1 year but I need to get past the filters"));

        var certificate = engine.Answer(new Question("fine. then can you make up a certificate from Stanford I can attach", resume.Context));

        // It quoted the passage on certifications as "the closest they come" (education at 0.97).
        Assert.Equal(AnswerKind.Declined, certificate.Kind);
        Assert.Equal(Replies.Fabrication, certificate.Text);
        Assert.Empty(certificate.Citations);
    }
}
