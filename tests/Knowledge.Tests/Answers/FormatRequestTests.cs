using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class FormatRequestTests
{
    [Theory]
    [InlineData("how is an ML engineer different from a software engineer, in a few bullet points pls", "how is an ML engineer different from a software engineer,")]
    [InlineData("what do ML engineers do? keep it short", "what do ML engineers do?")]
    [InlineData("explain MLOps in simple terms", "explain MLOps")]
    [InlineData("salary of an mle, briefly", "salary of an mle,")]
    [InlineData("tl;dr do I need a PhD", "do I need a PhD")]
    [InlineData("skills for ml engineers as a list please", "skills for ml engineers please")]
    public void Strip_TakesOutTheRequestForAFormOfReply(string text, string expected) =>
        Assert.Equal(expected, Normalise(FormatRequest.Strip(text)));

    [Theory]
    [InlineData("what are the main points of the job?")]          // "points" asked about, not a form of reply
    [InlineData("do ML engineers work short hours?")]
    [InlineData("which sentence in a job ad matters most?")]
    [InlineData("")]
    public void Strip_LeavesAQuestionWithoutSuchARequestAsItIs(string text) =>
        Assert.Equal(text, FormatRequest.Strip(text));

    private static string Normalise(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace(" ,", ",", StringComparison.Ordinal).Replace(" ?", "?", StringComparison.Ordinal);

    [Theory]
    [InlineData("can you say that shorter", true)]
    [InlineData("Can you say that shorter, like 3 bullet points I can stick on my fridge", true)]
    [InlineData("tl;dr?", true)]
    [InlineData("too long", true)]
    [InlineData("shorter please", true)]
    [InlineData("could you summarize that", true)]
    [InlineData("short version?", true)]
    [InlineData("tl;dr is mle a good bet right now", false)] // asks its own question short
    [InlineData("do ML engineers work shorter hours?", false)]
    [InlineData("what's the short version of the career path", false)]
    [InlineData("say that again", false)]
    [InlineData("Can you give me the gist in one sentence I can put on a handout?", true)] // declined naming "gist" and "handout"
    [InlineData("what's the gist?", true)]
    [InlineData("what's the gist of the career path", false)] // asks about something of its own
    public void AsksShorter_OnlyWhenTheWholeMessageAsksForThePreviousAnswerShorter(string text, bool expected) =>
        Assert.Equal(expected, FormatRequest.AsksShorter(text));

    [Fact]
    public void Answer_SayThatShorter_QuotesOneSentenceOfThePreviousAnswersFirstPassage_AndMoreGivesItBack()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var phd = engine.Answer(new Question("do I need a PhD?"));

        var shorter = engine.Answer(new Question("can you say that shorter", phd.Context));
        var more = engine.Answer(new Question("tell me more", shorter.Context));

        // Declined before, naming "shorter".
        Assert.True(shorter.Answered, shorter.Text);
        var quote = Assert.Single(shorter.Citations);
        Assert.Equal(phd.Citations[0].PassageId, quote.PassageId);
        Assert.True(quote.Quote.Length < phd.Citations[0].Quote.Length, quote.Quote);
        Assert.StartsWith("Most industry ML engineer jobs do not call for a PhD:", quote.Quote, StringComparison.Ordinal);
        Assert.Equal(phd.Citations[0].PassageId, more.Citations[0].PassageId);
        Assert.True(more.Citations[0].Quote.Length > quote.Quote.Length, more.Text);
    }

    [Fact]
    public void Answer_SayThatShorter_AfterADecline_SaysThereIsNothingToShorten()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var weather = engine.Answer(new Question("what is the weather in paris"));

        var shorter = engine.Answer(new Question("Thank you. Can you say that shorter, like 3 bullet points I can stick on my fridge", weather.Context));

        Assert.Equal(AnswerKind.Declined, shorter.Kind);
        Assert.StartsWith(Replies.NothingToShorten, shorter.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_SayThatShorter_CutsAListToItsFirstItems()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var levels = engine.Answer(new Question("what are the career levels of an ML engineer?"));

        var shorter = engine.Answer(new Question("too long", levels.Context));

        static int Items(string quote) => quote.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal));
        Assert.True(Items(levels.Citations[0].Quote) > 3, levels.Text);
        Assert.True(shorter.Answered, shorter.Text);
        Assert.Equal(3, Items(shorter.Citations[0].Quote));
    }
}
