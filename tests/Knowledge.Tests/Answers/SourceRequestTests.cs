using CareerBot.Knowledge.Answers;

namespace CareerBot.Knowledge.Tests.Answers;

/// <summary>"source?" after an answer: where it came from.</summary>
public sealed class SourceRequestTests
{
    [Theory]
    [InlineData("source?")]
    [InlineData("sources pls")]
    [InlineData("source? which guide says that")]
    [InlineData("which guide says that")]
    [InlineData("where did you get that from?")]
    [InlineData("what's the source for that?")]
    [InlineData("citation?")]
    [InlineData("link?")]
    [InlineData("references pls")]
    [InlineData("Is that current?")]
    [InlineData("how recent is that")]
    [InlineData("is it outdated?")]
    [InlineData("when was that updated")]
    [InlineData("how old is this info")]
    [InlineData("Which article says that?")]
    [InlineData("where do your answers come from")]
    [InlineData("Why should I trust them?")]
    [InlineData("are those numbers reliable")]
    [InlineData("are you sure?")]
    [InlineData("really?")]
    [InlineData("is that right?")]
    [InlineData("hmm, is that really true")]
    [InlineData("where's that number from and what year is it from")]
    [InlineData("What's the exact wording in your source?")]
    [InlineData("which guides are you getting this from?")] // was the education paths again
    [InlineData("what are you basing that on")]
    [InlineData("how old are the guides ur quoting from?")] // declined, naming "old" and "quoting"
    [InlineData("like is any of that still true today")]
    [InlineData("is that still accurate?")]
    [InlineData("Which of your guides is that figure taken from?")] // got a passage on neighbouring roles
    [InlineData("Are you just making these numbers up?")] // the help text
    [InlineData("did you make that up?")]
    [InlineData("How do I know your advice on AI jobs isn't outdated?")] // the help text
    [InlineData("how can I know this is accurate")]
    [InlineData("Then give me a link I can check.")] // declined
    [InlineData("ok show me where it says that")] // declined after "are you sure?"
    [InlineData("where does it say that?")]
    [InlineData("where did they say that")]
    [InlineData("Can you give me the full names of the guides you're quoting so I can cite them directly?")] // the help text
    [InlineData("Which guide did that last answer come from?")] // declined
    [InlineData("Which guide is that figure from, and is it publicly available?")] // a closest answer
    [InlineData("and tell me which guide it comes from")] // declined
    [InlineData("says who though, like who actually wrote these guides")] // declined
    [InlineData("which guide is more recent?")] // quoted the trends passage
    public void IsSourceRequest_AskingWhereTheAnswerCameFrom_IsOne(string text) =>
        Assert.True(FollowUpResolver.IsSourceRequest(text));

    [Theory]
    [InlineData("what is the source of income for ml startups")]
    [InlineData("which guide should I read first?")]
    [InlineData("where are most ML jobs?")]
    [InlineData("is open source experience useful?")]
    [InlineData("is ML engineering a reliable career?")]
    [InlineData("how do I get employers to trust my skills")]
    [InlineData("")]
    [InlineData("is that true everywhere or just big tech in SF/NYC")]
    [InlineData("are you sure ML engineers need a PhD")]
    [InlineData("sure")]
    [InlineData("what are the names of the guides for becoming an ML engineer in the UK and the US, which one should I read first")] // over the bound
    [InlineData("what year did the field start growing")]
    [InlineData("which guides do ML engineers use to learn?")]
    [InlineData("what tools are you using for that")]
    [InlineData("who hires the most ML engineers")]
    [InlineData("how many hours do you actually work")]
    [InlineData("is it still true that ML engineers need a PhD")]
    [InlineData("is that still true for data scientists today")]
    [InlineData("how do I know if ML engineering is right for me")]
    [InlineData("how do I know my portfolio is good enough")]
    [InlineData("are you making ML models at work")]
    [InlineData("how do I check my skills")]
    [InlineData("then what should I learn first")]
    [InlineData("where do people say ML jobs are")]
    [InlineData("what do employers say about bootcamps")]
    [InlineData("that seems low for London")]                    // asks about a place
    [InlineData("is the pay high")]
    [InlineData("it looks high paying but is it stressful")]
    [InlineData("is the last step available online")]
    [InlineData("which guide has more on salaries")]
    [InlineData("what is the most recent trend")]
    public void IsSourceRequest_AQuestionOfItsOwn_IsNone(string text) =>
        Assert.False(FollowUpResolver.IsSourceRequest(text));

    [Fact]
    public void Answer_SourceAfterAnAnswer_CitesItsPassagesAgain_WithEachGuidesOrigin()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var phd = engine.Answer(new Question("do I need a PhD?"));

        var source = engine.Answer(new Question("source?", phd.Context));

        Assert.True(source.Answered);
        Assert.Equal(phd.Citations.Select(c => c.PassageId), source.Citations.Select(c => c.PassageId));
        Assert.Equal(phd.Citations.Select(c => c.Quote), source.Citations.Select(c => c.Quote));
        Assert.StartsWith("My last answer quotes these guides:", source.Text, StringComparison.Ordinal);
        Assert.All(source.Citations, c => Assert.Contains($"- [{c.Number}] {c.GuideTitle}, section \"{c.SectionPath.Replace(" > ", " / ", StringComparison.Ordinal)}\"", source.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(">", source.Text, StringComparison.Ordinal);
        Assert.All(source.Citations, c => Assert.Contains($"Written in our own words from {c.Source}.", source.Text, StringComparison.Ordinal));
        Assert.Equal(phd.Context, source.Context);
    }

    [Theory]
    [InlineData("hi", "source?")]
    [InlineData("are you a person?", "where does your info come from")]
    [InlineData(null, "where does your information come from?")]
    [InlineData("hi", "how up to date is it")]
    [InlineData("are you chatgpt?", "where do your answers come from")]  // was the help text
    [InlineData("btw do you know when the application deadline for the summer internship on this page is?", "who wrote the information you're using? are these guides up to date")] // was declined
    [InlineData("btw do you know when the application deadline for the summer internship on this page is?", "how many sources do you actually have, and can you link me to the full guide")] // was the help text
    [InlineData(null, "how old are the guides ur quoting from? like is any of that still true today")] // was declined, naming "old" and "quoting"
    [InlineData("Are you a real career advisor or just an LLM?", "How do I know your advice on AI jobs isn't outdated?")] // was the help text
    [InlineData(null, "Can you give me the full names of the guides you're quoting so I can cite them directly?")] // was the help text
    public void Answer_SourceBeforeAnyAnswer_NamesEveryGuideWithItsDate(string? first, string text)
    {
        // "where does your info come from", asked after the help text, said the last reply quoted no
        // guide, and "how up to date is it" was declined: both can be answered from the guides' headers.
        var knowledge = RepositoryKnowledgeBase.Snapshot;
        var engine = new AnswerEngine(knowledge);
        var previous = first is null ? null : engine.Answer(new Question(first)).Context;

        var source = engine.Answer(new Question(text, previous));

        Assert.Equal(AnswerKind.Help, source.Kind);
        Assert.Empty(source.Citations);
        Assert.StartsWith("My answers quote these guides", source.Text, StringComparison.Ordinal);
        var guides = knowledge.Passages.DistinctBy(p => p.GuideId).ToArray();
        Assert.Equal(5, guides.Length);
        Assert.All(guides, g => Assert.Contains($"- {g.GuideTitle}, updated {g.Updated:yyyy-MM-dd}, from {g.Source}.", source.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("are you sure those numbers are current? where are they from")]
    [InlineData("Hmm. Where did you get that from?")]
    [InlineData("how up to date is that")]
    [InlineData("is that still current?")]
    [InlineData("Those guides are written by people selling courses though. Why should I trust them?")] // was declined naming "selling" and "trust"
    [InlineData("that seems way too high honestly. are you sure? everyone I know in tech makes a lot less than that")] // was declined as a weak thanks
    [InlineData("where's that number from and what year is it from")] // quoted the career levels
    [InlineData("Can I quote that directly? What's the exact wording in your source?")] // was declined as a weak thanks
    [InlineData("which guides are you getting this from? id like to read them myself")] // quoted the education paths
    [InlineData("Can you give me the links to the sources so I can read them myself? And should I trust them over what I see on LinkedIn?")] // the help text
    [InlineData("Are you just making these numbers up?")] // the help text
    [InlineData("Then give me a link I can check.")] // declined
    [InlineData("ok show me where it says that")] // declined after "are you sure?"
    [InlineData("where does it say that?")]
    [InlineData("where did they say that")]
    [InlineData("that's bs")] // "you're welcome"
    [InlineData("r u sure")] // the help text
    [InlineData("sounds like nonsense to me")]
    [InlineData("is that still true? tech salaries dropped a lot after 2022")] // declined naming "2022": a doubt, and why
    [InlineData("Really? My friend got way more at his first job.")]
    [InlineData("that seems low")]                                // declined naming "low"
    [InlineData("hmm that's way too high")]
    [InlineData("sounds a bit optimistic tbh")]
    public void Answer_AskingWhereOrHowCurrent_AfterAnAnswer_CitesItsPassagesAgain(string text)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var pay = engine.Answer(new Question("how much does an entry level ml engineer make in the us"));

        var source = engine.Answer(new Question(text, pay.Context));

        Assert.True(source.Answered, source.Text);
        Assert.StartsWith("My last answer quotes", source.Text, StringComparison.Ordinal);
        Assert.Equal(pay.Citations.Select(c => c.PassageId), source.Citations.Select(c => c.PassageId));
    }

    [Theory]
    [InlineData("What do ML engineers earn? source?")]            // a new question first: it is answered
    [InlineData("how old do you have to be to start")]
    [InlineData("what is the current salary for ml engineers")]
    [InlineData("is that still true? what do seniors earn")]      // a doubt, then a new question: the question is answered
    public void AsksForSources_ANewQuestion_IsNot(string text) =>
        Assert.False(FollowUpResolver.AsksForSources(text));
}
