using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Tests.Answers;

public sealed class AnswerEngineTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new();
    private readonly KnowledgeSnapshot _loaded;
    private readonly KnowledgeSnapshot _knowledge;
    private readonly AnswerEngine _engine;

    public AnswerEngineTests()
    {
        _loaded = _kb.Load();
        var classifier = new FakeClassifier(
            ("hello", "greeting", 0.95),
            ("thank", "thanks", 0.95),
            ("phd", "education", 0.9),
            // Before "earn": in a follow-up read with the question before it ("... earn? and the
            // skills?") the word that names a topic of its own decides, as with the trained models.
            ("skills", "skills", 0.9),
            ("earn", "salary", 0.9),
            ("astronaut", "salary", 0.9),
            ("remote gigs", "job_market", 0.75),
            ("remote roles", "job_market", 0.85),
            ("remote", "job_market", 0.95),
            ("engineer do", "responsibilities", 0.9),
            ("data scientist", "role_comparison", 0.9),
            ("why", "skills", 0.3),
            ("senior ones", "career_path", 0.45));
        _knowledge = new KnowledgeSnapshot(
            _loaded.Index, classifier, _loaded.Analyzer.Rules,
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["salary"] = ["How much do ML engineers earn?"],
                ["education"] = ["Do I need a PhD?"],
                ["skills"] = ["What skills do I need?"],
                ["career_path"] = ["What comes after senior?"],
            },
            _kb.Options());
        _engine = new AnswerEngine(_knowledge);
    }

    public void Dispose()
    {
        _loaded.Dispose();
        _kb.Dispose();
    }

    [Theory]
    [InlineData("bye for now", 0.98, AnswerKind.Goodbye)]
    [InlineData("what's a good recipe for lasagne?", 0.44, AnswerKind.Declined)] // "good" read as a goodbye, weakly
    [InlineData("thanks a lot", 0.97, AnswerKind.Thanks)]
    [InlineData("translate thank you into French", 0.45, AnswerKind.Declined)]
    public void Answer_AWeakSmallTalkReading_IsDeclined_NotAnsweredWithSmallTalk(string text, double score, AnswerKind kind)
    {
        using var kb = new TempKnowledgeBase();
        var loaded = kb.Load();
        var engine = new AnswerEngine(new KnowledgeSnapshot(
            loaded.Index, new FakeClassifier(("bye", "goodbye", score), ("lasagne", "goodbye", score), ("thank", "thanks", score)) { Threshold = 0 },
            loaded.Analyzer.Rules, new Dictionary<string, IReadOnlyList<string>>(), kb.Options()));

        var answer = engine.Answer(new Question(text));

        Assert.Equal(kind, answer.Kind);
        Assert.Empty(answer.Citations);
    }

    [Theory]
    [InlineData("which one pays more?", true)] // a question of its own about the same things
    [InlineData("why so much?", true)]
    [InlineData("what about senior ones?", false)] // the previous question with one part changed
    [InlineData("and in remote jobs?", false)]
    public void Understand_AFollowUp_SearchesWithThePreviousWords_OnlyWhenItAsksAQuestionOfItsOwn(string text, bool searchesContext)
    {
        var first = _engine.Answer(new Question("How much do ML engineers earn?"));

        var turn = _engine.Understand(new Question(text, first.Context));

        Assert.True(turn.IsFollowUp);
        Assert.NotEmpty(turn.Query.ContextTerms);
        Assert.Equal(searchesContext, turn.Query.SearchesContext);
    }

    [Fact]
    public void Understand_AnEnglishWordTheGuidesDoNotUse_IsSearchedAsWritten_NotAsTheNearestGuideWord()
    {
        // The guides say "live" (by the coast) and never "give": "give" is no typo for "live".
        Assert.Equal("live", _loaded.Corrector.Correct("livve"));

        var turn = _engine.Understand(new Question("do they give bonuses"));

        Assert.Contains("give", turn.Query.Terms);
        Assert.DoesNotContain("live", turn.Query.Terms);
    }

    [Fact]
    public void Answer_GuidesDisagree_QuotesEachGuideWithItsOwnCitation()
    {
        var answer = _engine.Answer(new Question("Do I need a PhD?"));

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal(["guide-a#do-i-need-a-phd", "guide-b#required-education"], answer.Citations.Select(c => c.PassageId));
        Assert.Equal(
            "A PhD is not required for most machine learning engineer jobs. A bachelor's degree and a strong portfolio are enough for many employers. [1]\n\nEmployers expect a Master's or PhD in computer science or a related field. [2]",
            answer.Text);
        Assert.Equal("education", answer.Intent.Name);
    }

    [Theory]
    [InlineData("Do I need a PhD?")]
    [InlineData("How much do junior engineers earn?")]
    [InlineData("What skills matter?")]
    [InlineData("ML engineer vs data scientist?")]
    public void Answer_EveryCitation_QuotesASubstringOfItsPassageAndIsMarked(string question)
    {
        var answer = _engine.Answer(new Question(question));

        Assert.True(answer.Answered);
        Assert.NotEmpty(answer.Citations);
        foreach (var citation in answer.Citations)
        {
            Assert.Contains(citation.Quote, citation.PassageText, StringComparison.Ordinal);
            Assert.Contains(citation.Quote, answer.Text, StringComparison.Ordinal);
            Assert.Contains($"[{citation.Number}]", answer.Text, StringComparison.Ordinal);
            Assert.Equal(_knowledge.Passages.Single(p => p.Id == citation.PassageId).Text, citation.PassageText);
        }

        Assert.Equal(answer.Citations.Count, System.Text.RegularExpressions.Regex.Matches(answer.Text, @"\[\d+\]").Count);
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.Number));
    }

    [Fact]
    public void Answer_ListSection_QuotesTheLeadInWithItsItems()
    {
        var answer = _engine.Answer(new Question("What skills do I need?"));

        Assert.Equal("The core skills are:\n- Python programming\n- Linear algebra and statistics\n- C++ for fast inference [1]", answer.Text);
    }

    [Fact]
    public void Answer_FollowUps_ResolveAgainstThePreviousTurn()
    {
        var first = _engine.Answer(new Question("How much do junior engineers earn?"));
        var second = _engine.Answer(new Question("what about senior ones?", first.Context));
        var third = _engine.Answer(new Question("and a principal?", second.Context));

        Assert.Equal("Junior engineers earn about $100,000 a year. [1]", first.Text);
        Assert.Equal("Senior engineers earn about $160,000 a year. [1]", second.Text);
        Assert.Equal("salary", second.Intent.Name);
        Assert.Equal("Principal engineers earn about $220,000 a year. [1]", third.Text);
    }

    [Fact]
    public void Answer_FollowUpWithAWeakOtherTopic_KeepsThePreviousTopic_ButAConfidentOneSwitches()
    {
        var first = _engine.Answer(new Question("How much do junior engineers earn?"));
        var weak = _engine.Answer(new Question("what about senior ones?", first.Context));
        var confident = _engine.Answer(new Question("and the skills?", first.Context));

        Assert.Equal("salary", weak.Intent.Name);
        Assert.Equal("Senior engineers earn about $160,000 a year. [1]", weak.Text);
        Assert.Equal("skills", confident.Intent.Name);
    }

    [Theory]
    [InlineData("ok and do senior engineers earn more, or should i just leave now", AnswerKind.Answered)]
    [InlineData("should i stay in school or leave now", AnswerKind.Declined)] // a question, on words these guides lack
    [InlineData("ok i have to leave now", AnswerKind.Goodbye)] // says goodbye, asks nothing
    [InlineData("can i leave?", AnswerKind.Goodbye)]            // asks, but names nothing to search for
    public void Answer_AFollowUpThatAsksAboutTheGuides_ReadAsSmallTalk_IsAnsweredInTheThread(string text, AnswerKind kind)
    {
        // "ok and should i finish the phd or just leave now" read as goodbye at 0.67 got "Goodbye, and
        // good luck": a question, in the middle of a conversation, answered as a farewell.
        var knowledge = Snapshot(new FakeClassifier(("leave", "goodbye", 0.67), ("earn", "salary", 0.9)));
        var engine = new AnswerEngine(knowledge);
        var first = engine.Answer(new Question("How much do junior engineers earn?"));

        var next = engine.Answer(new Question(text, first.Context));

        Assert.Equal(kind, next.Kind);
    }

    [Theory]
    [InlineData("Which skills I must learn first for this?")]
    [InlineData("top 3 skills to learn first?")]
    public void Answer_WhatToLearnFirst_IsAboutSkills_NotTheSectionOnTheFirstRole(string text)
    {
        // "first" framed the question and drew "Building a portfolio and landing the first role" by its heading.
        // Asked as "… learn in what order" it gets the guide's stages (Python and an ML framework among the
        // core skills); "top 3 skills to learn first" keeps its words and gets the skills.
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(text));

        Assert.True(answer.Answered, answer.Text);
        Assert.DoesNotContain("portfolio", answer.Citations[0].PassageId, StringComparison.Ordinal);
        Assert.Contains("Python", answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("won't employers just see it as me giving up?")]
    [InlineData("do recruiters see a bootcamp as real experience")]
    public void Answer_SeeAsAVerbOfOpinion_IsNoQuestionAboutComputerVision(string text)
    {
        // "see" was in one passage only, an alternate question of the computer vision section ("teaches
        // computers to see"), and it drew the whole message there: "won't employers just see it as me
        // giving up?" was told what computer vision engineers build.
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(text));

        Assert.DoesNotContain(answer.Citations, c => c.PassageId.Contains("computer-vision", StringComparison.Ordinal));
    }

    [Fact]
    public void Answer_DeclineNamingMissingWords_LeavesCourtesiesOut()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("ok but do ml engineers use fortran"));

        // "ok so whats the min degree then" said the guides do not mention "ok" or "min".
        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Contains("\"fortran\"", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ok\"", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Requests and asides are no words the guides lack: a newcomer's "Kindly advise whether age will
    /// be a barrier …" was declined naming "Kindly" and "advise" (not "age" or "barrier"), the M.Tech
    /// question named "later", the on-call question "friend", and three more "supposed", "pursue" and "maybe".
    /// </summary>
    [Theory]
    [InlineData("I am 40 years old and self-taught in programming, currently working in a bank IT department in Pune. Kindly advise whether age will be a barrier to get into machine learning engineer role.", "\"age\"", "Kindly")]
    [InlineData("ok and is it better to do M.Tech from IIT or just start working at a service company and switch later", "\"IIT\"", "later")]
    [InlineData("ok and is on-call a thing for MLEs? my friend in SRE is always on call and it looks miserable", "\"SRE\"", "friend")]
    [InlineData("is the jump to staff more about technical skills or leadership", "\"leadership\"", "jump")]
    [InlineData("how am I supposed to compete with all the PhDs applying", "\"compete\"", "supposed")]
    [InlineData("Which specialisation would fit me best, maybe time series or causal inference?", "\"causal\"", "maybe")]
    [InlineData("Good afternoon. I am a chartered accountant aged 58 and expect to retire from my firm within the next two years. I have long had an interest in data analysis. Would it be realistic for someone of my age to pursue a role in data science?", "\"age\"", "pursue")]
    [InlineData("is prompt engineering a real career or a fad", "\"prompt\"", "fad")]
    [InlineData("Just got an offer for a junior ML engineer role: 95k base in Ohio.", "\"Ohio\"", "95k")]
    [InlineData("can ml engineers freelance or is it all full time", "\"freelance\"", "full")] // quoted the deep learning engineer, whose alternate said "full time"
    public void Answer_DeclineNamingMissingWords_NamesTheSubject_NotTheRequestsWords(string text, string named, string notNamed)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(text));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Contains(named, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{notNamed}\"", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// How the asker wants it said, the doubt an outlook question is put against and slang praise are no
    /// subject: they were declined naming "fluff", "fad" and "sick".
    /// </summary>
    [Theory]
    [InlineData("just tell me the salary no fluff", "salary")]
    [InlineData("Is it a stable career or a fad? I don't want him chasing something that disappears in 5 years.", "job_market")]
    [InlineData("yo 👋 im 16 and ML sounds sick 🔥 what do i need 2 learn rn??", "skills")] // declined naming "sick"
    [InlineData("im thinking of leaving ML altogether and becoming a product manager, how do i become a PM", "career_path")] // declined naming "altogether"
    public void Answer_FluffOrFad_IsAnsweredOnTheTopic(string text, string topic)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(text));

        Assert.True(answer.Answered, answer.Text);
        Assert.Contains(engine.Knowledge.Passages.Single(p => p.Id == answer.Citations[0].PassageId).Topics, t => t.Name == topic);
    }

    /// <summary>
    /// "Is it better to move into management instead?" quoted the data-management tip first (its heading says
    /// "management"), and "how does that break down by state?" after the pay answer was a closest answer, the
    /// state figures below "My guides don't answer that exactly". One alternate question of each passage now
    /// asks it that way.
    /// </summary>
    [Fact]
    public void Answer_ManagementAndPayByState_QuoteThePassagesThatAnswer()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var management = engine.Answer(new Question("Is it better to move into management instead?"));
        var pay = engine.Answer(new Question("salary?"));
        var states = engine.Answer(new Question("how does that break down by state?", pay.Context));

        Assert.Equal("mle-what-they-do#beyond-the-technical-ladder", management.Citations[0].PassageId);
        Assert.True(states.Answered, states.Text);
        Assert.DoesNotContain(Replies.Closest, states.Text, StringComparison.Ordinal);
        Assert.Contains("California", states.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// "what kind project recruiter like to see" (check thirty-five) quoted "Employment projections": the stemmer
    /// makes "projections" "project". The portfolio passage's alternate about blog posts, which its text already
    /// answers, now asks what projects recruiters like to see.
    /// </summary>
    [Fact]
    public void Answer_WhatProjectsRecruitersLikeToSee_QuotesThePortfolio()
    {
        var answer = new AnswerEngine(RepositoryKnowledgeBase.Snapshot).Answer(new Question("what kind project recruiter like to see"));

        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("how-to-become-mle#building-a-portfolio-and-landing-the-first-role", answer.Citations[0].PassageId);
    }

    /// <summary>
    /// "whats the actual difference between senior and staff ML engineer" (check thirty-nine) quoted the software engineer
    /// comparison: the staff passage's alternate "what's the level above senior ML engineer", which the levels passage
    /// also answers, now asks how a staff ML engineer differs from a senior one.
    /// </summary>
    [Fact]
    public void Answer_SeniorVersusStaff_QuotesTheStaffPassage()
    {
        var answer = new AnswerEngine(RepositoryKnowledgeBase.Snapshot).Answer(new Question("whats the actual difference between senior and staff ML engineer"));

        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("mle-what-they-do#staff-and-principal-ml-engineer", answer.Citations[0].PassageId);
    }

    [Fact]
    public void Answer_BootcampsALegitimateAlternative_QuotesTheEducationPaths()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("And for the students who can't afford a master's, are bootcamps a legitimate alternative or should I warn them off?"));

        // Declined naming "students", "afford" and "legitimate".
        Assert.True(answer.Answered, answer.Text);
        Assert.Contains("Bootcamps", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_AReturnersBackground_IsNoWordTheGuidesLack()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("Hello. I left my job as a software tester five years ago to care for my kids and I'm ready to go back. Is ML engineering too big a jump?"));
        var parent = engine.Answer(new Question("My son is in his second year of a computer science degree and keeps saying he wants to go into \"machine learning engineering.\" I honestly don't know what that job involves day to day. Could you explain it in plain terms for a parent?"));

        // Declined naming "left", "tester" and "ago"; the parent's question named "parent", then "son" and "honestly".
        Assert.True(answer.Answered, answer.Text);
        Assert.DoesNotContain("\"son\"", parent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"parent\"", parent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"honestly\"", parent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_IfIWentFor_IsNoWordTheGuidesLack()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("ok so if I went for full MLE, is my automation experience worth putting on the CV"));

        // Declined naming "went".
        Assert.True(answer.Answered, answer.Text);
        Assert.Contains("resume", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Newcomers' questions that the committed guides got wrong: the COVID hiring passage for AI
    /// writing code (no alternate asked it that way), the software engineer comparison for MLOps (the
    /// MLOps passage was not a comparison), and the mid-level specialisation passage for "name a few
    /// tools" ("few" matched "a few years"), a decline naming "daughter", "stable" and "bit" for
    /// whether the career is stable, and one naming "qualifications", a word no guide used.
    /// </summary>
    [Theory]
    [InlineData("Will this job even still exist by the time she graduates, with AI writing code now?", "how-to-become-mle#will-ai-automation-threaten-ml-engineer-jobs")]
    [InlineData("whats the diff between ML engineer and MLOps engineer", "mle-what-they-do#monitoring-and-mlops")]
    [InlineData("name a few tools candidates should know", "mle-what-they-do#infrastructure-and-data-tools")]
    [InlineData("My daughter is 17 and says she wants to be a machine learning engineer. Is that a stable career or a bit of a fad?", "mle-career-snapshot#job-outlook-and-demand")]
    [InlineData("what qualifications do I need", "zengig-mle-guide#what-education-does-an-ml-engineer-typically-need")] // declined naming "qualifications"
    [InlineData("is it better at big companies or startups for work life balance", "zengig-mle-guide#typical-work-hours")] // the pay at big companies and startups
    [InlineData("I build robots as a hobby (ROS, raspberry pi, some opencv). Are there computer vision jobs I could realistically go for?", "zengig-mle-guide#computer-vision-engineer")] // declined naming "hobby", "ROS", "raspberry"
    public void Answer_NewcomerQuestion_CitesThePassageThatAnswers(string question, string passageId)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.True(answer.Answered, answer.Text);
        Assert.Equal(passageId, answer.Citations[0].PassageId);
    }

    [Fact]
    public void Answer_FollowUpAfterTheStableCareerQuestion_AsksItsOwnSubject()
    {
        // With "a stable career or just a fad" as the outlook passage's alternate, "fad" and "stable",
        // carried over from the question before, outweighed "maths" and the follow-up got the outlook.
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var outlook = engine.Answer(new Question("My daughter is 17 and says she wants to be a machine learning engineer. Is that a stable career or a bit of a fad?"));

        var maths = engine.Answer(new Question("Would she need to be very strong at maths for it?", outlook.Context));

        Assert.True(maths.Answered, maths.Text);
        Assert.Equal("zengig-mle-guide#top-skills-for-machine-learning-engineers", maths.Citations[0].PassageId);
    }

    [Fact]
    public void Answer_PlaceNoGuideCovers_SaysTheAnswerIsGeneral()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("ok then can you at least tell me if ML engineers are in demand in Canada"));

        // It quoted the guides' demand figures with no word that none of them is about Canada.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("job_market", answer.Intent.Name);
        Assert.StartsWith("My guides don't mention \"Canada\". This is what they say in general:\n\n", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("That sounds like a lot. How long would it take, roughly, if I can study maybe 10 hours a week?")]
    [InlineData("And roughly how long would the transition take if I can study about 10 hours a week?")]
    [InlineData("how many months it will take if I study daily 3-4 hours? please guide step by step")]
    public void Answer_HowLongWithSomeHoursOfStudyAWeek_IsHowLongItTakes_NotWorkingHours(string text)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(text));

        // The first two quoted an ML engineer's working hours ("9 am to 5 pm"), the third the eight steps.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("how-to-become-mle#how-long-does-it-take-to-become-an-ml-engineer", answer.Citations[0].PassageId);
    }

    [Fact]
    public void Answer_AFigureAskedFromAPlaceTheMessageTells_SaysTheAnswerIsGeneral()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("What's a fair salary range? We're in Berlin but open to remote"));

        // Answered from the asking sentence alone, it quoted the US pay as if it were Berlin's.
        Assert.True(answer.Answered, answer.Text);
        Assert.StartsWith("My guides don't mention \"Berlin\". This is what they say in general:\n\n", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_NoFigureAskedFromAPlaceTheMessageTells_IsNotPrefaced()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("Good afternoon. I am a new graduate working in Tokyo office, and I am very sorry to trouble you. May I kindly ask what are the most important skills for a machine learning engineer?"));

        // Where the asker lives only says who asks: skills are no figure for Tokyo.
        Assert.True(answer.Answered, answer.Text);
        Assert.DoesNotContain("Tokyo", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A follow-up that asks for one of the figures just given: "Could you give me just the number
    /// for an entry-level position, please?" after the pay ranges read as getting started at 0.51 and
    /// was declined. "the number of ML jobs" asks about something else.
    /// </summary>
    [Theory]
    [InlineData("Could you give me just the number for an entry-level position, please?", "$100,000")]
    [InlineData("only the figure for juniors pls", "$100,000")]
    public void Answer_JustTheNumber_AfterThePay_GivesTheFigure(string followUp, string figure)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var pay = engine.Answer(new Question("Good afternoon. What is the typical salary range for a machine learning engineer?"));

        var number = engine.Answer(new Question(followUp, pay.Context));

        Assert.True(number.Answered, number.Text);
        Assert.Contains(figure, number.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// "how much will ML engineers earn in 2030?" quoted today's pay figures with no word that no
    /// guide gives any for 2030; a year the guides name is no such year.
    /// </summary>
    [Theory]
    [InlineData("how much will ML engineers earn in 2030?", "\"2030\"")]
    [InlineData("will ML engineers still be in demand by 2035?", "\"2035\"")]
    public void Answer_YearNoGuideNames_SaysTheAnswerIsGeneral(string question, string named)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.True(answer.Answered, answer.Text);
        Assert.StartsWith($"My guides don't mention {named}. This is what they say in general:\n\n", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The attorney's question whether the guides cover liability was answered from the bias passage
    /// with no word that none of them speaks of it; only capitalised names got that line.
    /// </summary>
    [Fact]
    public void Answer_DoesYourGuideSayAnythingAbout_NamesTheWordsItLacks()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("Does your guide say anything about who is liable when a model an ML engineer built makes a harmful decision?"));
        var covered = engine.Answer(new Question("does the guide mention anything about remote work?"));

        Assert.True(answer.Answered, answer.Text);
        Assert.StartsWith("My guides don't mention \"liable\"", answer.Text, StringComparison.Ordinal);
        Assert.True(covered.Answered, covered.Text);
        Assert.DoesNotContain("don't mention", covered.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what was the ML job market forecast for 2024?")] // the guides forecast for 2024
    [InlineData("I have 2030 hours of Python practice, am I ready?")] // a number, not a year after "in" or "by"
    public void Answer_YearAGuideNames_OrNoYear_HasNoSuchLine(string question)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.DoesNotContain("don't mention \"20", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A request to write something that reads as a topic (getting started at 0.51) and that no
    /// passage answers was declined naming "letter", as if a guide on cover letters were missing.
    /// </summary>
    [Theory]
    [InlineData("can u write me a cover letter for an entry level data job? im terrible at writing")]
    [InlineData("can you write me a query to find duplicate rows in a table with 40 columns")]
    [InlineData("Could you also translate this into French for me quickly? It's for a client.")]
    [InlineData("unrelated but can you write me a query to find duplicate rows in a table with 40 columns")] // help at 0.53
    public void Answer_RequestToWriteSomething_SaysTheBotWritesNothing(string request)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(request));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Equal(Replies.NoWriting, answer.Text);
    }

    /// <summary>
    /// "Is "prompt engineer" a real job …?" got the data scientist comparison with no word that no
    /// guide mentions prompt engineers; a role the guides know gets no such line.
    /// </summary>
    [Fact]
    public void Answer_RoleNoGuideNames_SaysTheAnswerIsGeneral_AndAKnownRoleDoesNot()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var prompt = engine.Answer(new Question("Is \"prompt engineer\" a real job or is it just ML engineering with a different name?"));
        var known = engine.Answer(new Question("what's the difference between a data engineer and an NLP engineer?"));

        Assert.True(prompt.Answered, prompt.Text);
        Assert.StartsWith("My guides don't mention \"prompt engineer\". This is what they say in general:\n\n", prompt.Text, StringComparison.Ordinal);
        Assert.True(known.Answered, known.Text);
        Assert.DoesNotContain("don't mention", known.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A place typed in lower case, or among a few keywords, was no name: "wat is the salary for ml
    /// engineer in india" and "mle salary europe" were answered with the US pay, saying nothing of India
    /// or Europe. An English word after "in", "at" or "from" is no place ("at night", "from scratch"),
    /// nor is a word after a comma ("8 years in, burned out").
    /// </summary>
    [Theory]
    [InlineData("wat is the salary for ml engineer in india", "\"india\"")]
    [InlineData("mle salary europe", "\"europe\"")]
    [InlineData("for junior mle in london not us", "\"london\"")]
    [InlineData("im 19 and doing a welding apprenticeship in alberta but i like computers way more. do i need a degree for machine learning or can i do it self taught", "\"alberta\"")]
    public void Answer_APlaceInLowerCaseOrAmongKeywords_IsNamedAsOneTheGuidesLack(string question, string named)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.True(answer.Answered, answer.Text);
        Assert.StartsWith("My guides don't mention " + named, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ok but how long it take realistically if i study at night after work")]
    [InlineData("would my clinical experience count for anything or do i start from scratch")]
    [InlineData("I'm an ICU nurse, 8 years in, burned out and thinking of switching to tech. Is ML engineering even realistic for someone with zero coding background?")]
    [InlineData("is math really that important? i failed calc in highschool")]
    public void Answer_AnEnglishWordAfterInOrAt_IsNoPlace(string question)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.True(answer.Answered, answer.Text);
        Assert.DoesNotContain("don't mention", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Chat spellings and a verb of every challenge question frame it: "wanna" was named as a word no
    /// guide uses, and "face" kept "what are the biggest challenges ML engineers face day to day?"
    /// below the answer bar, so the sales engineer's question was declined naming "sales", "demos" and "POCs".
    /// </summary>
    [Fact]
    public void Answer_FramingChatWordsAndFace_AreNotWhatTheQuestionIsAbout()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var challenges = engine.Answer(new Question("I'm a sales engineer at a SaaS company, I do demos and POCs and some light scripting. what are the biggest challenges ML engineers face day to day? want to know what I'd be signing up for"));
        var freelance = engine.Answer(new Question("what if i just wanna do it freelance instead of at some big company"));

        Assert.True(challenges.Answered, challenges.Text);
        Assert.False(challenges.Closest, challenges.Text);
        Assert.Equal("challenges", challenges.Intent.Name);
        Assert.DoesNotContain("wanna", freelance.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// "calc" was corrected to "call", and "secondary school" was a word no guide uses: the music
    /// producer's maths question and the cellist's were declined.
    /// </summary>
    [Theory]
    [InlineData("do i have to be good at math for it? i kinda hated calc", "skills")]
    [InlineData("I'm a cellist in a symphony orchestra, 34, and honestly job security in music is terrible. Is ML engineering a realistic career change for someone whose only math is from secondary school?", null)]
    public void Answer_CalcAndSecondarySchool_AreTheGuidesWords(string question, string? intent)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.True(answer.Answered, answer.Text);
        if (intent is not null)
        {
            Assert.Equal(intent, answer.Intent.Name);
        }
    }

    /// <summary>
    /// Words a hurried or a wary visitor frames a question with were named as words no guide uses
    /// ("k need degree or nah" named "k" and "nah"; "… or is that overkill" named "overkill"; "Be honest:
    /// …" named "honest"), and chat spellings of the guides' words were unknown: "sde" (software
    /// engineer), "entry lvl", and "a bad fit", whose "bad" drew "Bad data is the most frequent cause …".
    /// </summary>
    [Theory]
    [InlineData("k need degree or nah", null)]
    [InlineData("ml eng vs sde pay?? quick", "$104,108 a year for software engineers")]
    [InlineData("entry lvl ml engineer jobs, do they exist?", "entry-level")]
    [InlineData("I'm a second-year maths undergrad. I love proofs, probability and optimisation, but I genuinely hate coding. Is ML engineering a bad fit for me?", null)]
    public void Answer_ChatWordsAndSpellings_AreReadAsTheGuidesWords(string question, string? shown)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.True(answer.Answered, answer.Text);
        Assert.DoesNotContain("Bad data", answer.Text, StringComparison.Ordinal);
        if (shown is not null)
        {
            Assert.Contains(shown, answer.Citations[0].Quote, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Answer_HonestAndOverkill_AreNotNamedAsWordsTheGuidesLack()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var phd = engine.Answer(new Question("do I need a PhD to be an ML engineer?"));

        var overkill = engine.Answer(new Question("would a PhD make sense then or is that overkill", phd.Context));
        var bubble = engine.Answer(new Question("Be honest: isn't ML engineering just a hype bubble that's going to pop in a couple of years?"));

        Assert.True(overkill.Answered, overkill.Text);
        Assert.Contains("PhD", overkill.Citations[0].Quote, StringComparison.Ordinal);
        Assert.DoesNotContain("\"honest\"", bubble.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Words of the asker's own doing and thinking were named as words no guide uses: "forgot" in a
    /// question on maths, "prioritise" in one on skills, "last" in "her last year of school".
    /// </summary>
    [Theory]
    [InlineData("do i need to be good at math for this because i kind of forgot most of it after college honestly", "forgot")]
    [InlineData("which skills should I prioritise first?", "prioritise")]
    [InlineData("ok so it sounds like the big gap for me is software engineering / deployment stuff. which skills should I prioritise first?", "sounds")]
    [InlineData("What should she be studying now in her last year of school to keep doors open? She's stronger in maths than in computing.", "last")]
    [InlineData("What would a genuinely impressive junior portfolio look like?", "genuinely")] // declined naming it alone
    public void Answer_TheAskersOwnDoing_IsNotNamedAsWhatTheGuidesLack(string question, string word)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.True(answer.Answered, answer.Text);
        Assert.DoesNotContain($"\"{word}\"", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Degree names of South Asia and a statistician were words no guide uses: "… or it is only for CSE
    /// graduates?" was declined naming "CSE", "weak in calculus in HSC level" named "HSC", and "What
    /// additional skills are needed … rather than statistician?" was declined naming both.
    /// </summary>
    [Theory]
    [InlineData("Assalamu alaikum. I am working as bank clerk in Dhaka since 4 years, my background is BBA in finance. Can a person like me become machine learning engineer or it is only for CSE graduates?", "CSE")]
    [InlineData("I have no coding knowledge. Kindly tell how much maths is required, I was weak in calculus in HSC level.", "HSC")]
    [InlineData("Good morning. I am a lecturer of statistics at university in Addis Ababa. I know regression, time series and R very well. What additional skills are needed for me to work as machine learning engineer rather than statistician?", "statistician")]
    public void Answer_DegreeNamesAndAStatistician_AreTheGuidesWords(string question, string word)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.True(answer.Answered, answer.Text);
        Assert.DoesNotContain($"\"{word}\"", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A weak reading of help that points back with a pronoun asks about the previous answer: "what kind
    /// of projects should actually be in it, like give me a couple examples" after the portfolio answer
    /// got the help text (help at 0.44). "that" is no such pointer: "what mean "MLOps" that you write"
    /// still gets the MLOps passage, not the previous question's master's degree.
    /// </summary>
    [Fact]
    public void Answer_AWeakHelpThatPointsBack_FollowsUp_AndARelativeThatDoesNot()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var portfolio = engine.Answer(new Question("How important is a portfolio for getting an ML job if I don't have experience?"));
        var master = engine.Answer(new Question("Hello, I am from Vietnam and have master in statistics, is it enough for become ML engineer in Europe or I need also the computer science degree?"));

        var examples = engine.Answer(new Question("what kind of projects should actually be in it, like give me a couple examples", portfolio.Context));
        var mlops = engine.Answer(new Question("thank you. what mean \"MLOps\" that you write, is different job?", master.Context));

        Assert.True(examples.Answered, examples.Text);
        Assert.True(mlops.Answered, mlops.Text);
        Assert.Equal("mle-what-they-do#monitoring-and-mlops", mlops.Citations[0].PassageId);
    }

    /// <summary>
    /// Words that say when the asker stands ("still", "anymore", "today", "currently") and numbers in
    /// words frame a question: as words the guides use little or never, they diluted the coverage of the
    /// passage that answers and were named in declines ("copilot" or "anymore"), or drew the closest
    /// passage where one answers.
    /// </summary>
    [Theory]
    [InlineData("are bootcamps still worth it in 2026?? found a 12 week ML bootcamp for $15k", "how-to-become-mle#education-paths")] // declined
    [InlineData("I did a PhD in physics and have been a postdoc for three years. Do ML teams value that, or see it as too academic?", "mle-what-they-do#foundations-degrees-and-mathematics")] // the closest passage
    [InlineData("ok but with chatgpt and copilot writing all the code now do companies even need junior ml engineers anymore", "how-to-become-mle#will-ai-automation-threaten-ml-engineer-jobs")] // declined, naming "copilot" and "anymore"
    public void Answer_WordsOfWhenTheAskerStands_FrameTheQuestion(string question, string passageId)
    {
        var answer = new AnswerEngine(RepositoryKnowledgeBase.Snapshot).Answer(new Question(question));

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.False(answer.Closest, answer.Text);
        Assert.Equal(passageId, answer.Citations[0].PassageId);
    }

    /// <summary>
    /// A weak small-talk reading that points back with a pronoun follows up too: "how long does that
    /// usually take someone doing it nights/weekends" after the order to learn things in was read as a
    /// goodbye (0.31, for "night") and got "did you mean".
    /// </summary>
    [Fact]
    public void Answer_AWeakGoodbyeThatPointsBack_FollowsUp()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var order = engine.Answer(new Question("what would you learn first, in order? python -> ?"));

        var howLong = engine.Answer(new Question("how long does that usually take someone doing it nights/weekends", order.Context));

        Assert.Equal(AnswerKind.Answered, howLong.Kind);
        Assert.Equal("how-to-become-mle#education-paths", howLong.Citations[0].PassageId);
    }

    /// <summary>
    /// A weak reading of help that neither a topic nor the asking sentences answer, and that names
    /// what the guides never mention, is declined naming it: "… since the big tech layoffs in 2023?"
    /// (help at 0.43) got the help text, which only listed the topics again.
    /// </summary>
    [Fact]
    public void Answer_AWeakHelpAskingForWhatTheGuidesLack_IsDeclinedNamingIt()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("Do your sources say anything about whether that growth has slowed since the big tech layoffs in 2023?"));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Contains("\"layoffs\"", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A new graduate's very polite questions were read as help (0.34 and 0.48) for their courtesies
    /// and got the help text twice; a weak reading of help now gives way to the question when a
    /// passage answers it, or its asking sentences. A weak help that no passage answers keeps the help text.
    /// </summary>
    [Fact]
    public void Answer_VeryPoliteQuestions_AreAnswered_AndAWeakHelpNoPassageAnswersIsNot()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var skills = engine.Answer(new Question("Good afternoon. I am a new graduate working in Tokyo office, and I am very sorry to trouble you. May I kindly ask what are the most important skills for a machine learning engineer?"));
        var phd = engine.Answer(new Question("Thank you very much for your kind answer. If it is not too much trouble, could you please tell me whether a PhD is necessary to work in machine learning engineering?", skills.Context));
        var laptop = engine.Answer(new Question("Thank you ever so much. Lastly, and only if it is within your remit, could you recommend a good laptop for running machine learning models at home?"));

        Assert.True(skills.Answered, skills.Text);
        Assert.Equal("skills", skills.Intent.Name);
        Assert.True(phd.Answered, phd.Text);
        Assert.Contains("PhD", phd.Citations[0].Quote, StringComparison.Ordinal);
        Assert.False(laptop.Answered, laptop.Text);
    }

    /// <summary>"USA" was a word no guide uses, named in a decline beside "Europe"; the guides write "United States".</summary>
    [Fact]
    public void Answer_Usa_IsTheUnitedStates()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("And the salaries, how they look in Europe compared to USA? Here in Poland is big difference with mobile I think"));

        Assert.Contains("\"Europe\"", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"USA\"", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The PhD passage opened "No: most industry ML engineer jobs ask only for a bachelor's degree",
    /// which answers its heading; quoted to "can u actually become a ml engineer without college" it
    /// read as "no, you cannot".
    /// </summary>
    [Fact]
    public void Answer_WithoutCollege_DoesNotOpenWithABareNo()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("yo i work as a line cook, no degree, been watching youtube vids about AI. can u actually become a ml engineer without college"));

        Assert.True(answer.Answered, answer.Text);
        Assert.Contains("bachelor's degree or equivalent experience", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"^(?:No|Yes)\b", answer.Text);
    }

    [Fact]
    public void Answer_PlaceNoGuideCovers_OnTheClosestPassage_SaysBoth()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("what is the salary of ML engineer in India for freshers"));

        Assert.True(answer.Answered, answer.Text);
        Assert.True(answer.Closest);
        Assert.StartsWith("My guides don't mention \"India\", and don't answer that exactly. This is the closest they come:", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ML engineer salary in San Francisco", "\"San Francisco\"")] // it named "San"
    [InlineData("what is the salary of ML engineer in New Delhi for freshers", "\"New Delhi\"")]
    public void Answer_PlaceOfSeveralWords_IsNamedWhole(string question, string named)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.True(answer.Answered, answer.Text);
        Assert.StartsWith($"My guides don't mention {named}", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi, I'm Priya. How do I become an ML engineer?")] // a capital that no phrase places
    [InlineData("How much do ML engineers earn in the US?")] // a place the guides cover
    public void Answer_NoUncoveredPlace_NamesNone(string question)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.True(answer.Answered, answer.Text);
        Assert.DoesNotContain("don't mention", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_FreshersAfterTheJobMarket_AnswersFromTheEntryLevelPassage()
    {
        // "Freshers" (new graduates, in Indian English) was declined as a word the guides do not use.
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var market = engine.Answer(new Question("Is job market for ML engineers good in India right now or saturated?"));

        var freshers = engine.Answer(new Question("and for freshers specifically?", market.Context));

        Assert.True(freshers.Answered, freshers.Text);
        Assert.Equal("mle-career-snapshot#not-an-entry-level-job", freshers.Citations[0].PassageId);
    }

    [Fact]
    public void Answer_ChatShorthand_IsNeitherMissingNorNamed()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var outlook = engine.Answer(new Question("ngl the market looks cooked rn, hows the outlook tbh"));

        // It was declined naming "ngl", "cooked" and "rn": the shorthand, in no guide, diluted every passage's coverage.
        Assert.True(outlook.Answered, outlook.Text);
        Assert.Equal("job_market", outlook.Intent.Name);
    }

    [Theory]
    [InlineData("what projects shud i do", "getting_started")]       // declined, out of scope at 0.53
    [InlineData("do i need a masters or is bs ok", "education")]     // declined naming "bs"
    [InlineData("is a bs in cs enough", "education")]
    [InlineData("r u a real person or a bot", "help")]             // declined, out of scope at 0.54
    [InlineData("should I learn python or r", "skills")]           // "r" alone is still the language
    [InlineData("wat dose a mashine lerning enginer acually do all day", "responsibilities")] // declined naming "wat" and "dose"
    public void Answer_ChatSpellingsOfVerbsAndDegrees_AreReadAsTheWords(string text, string intent)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(text));

        Assert.True(answer.Answered || answer.Kind == AnswerKind.Help, answer.Text);
        Assert.Equal(intent, answer.Intent.Name);
    }

    [Fact]
    public void Answer_PayedMisspelt_AfterAComparison_IsAboutPay()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var comparison = engine.Answer(new Question("whats the diffrence between a machin lerning enginer and a softwear engineer"));

        var pay = engine.Answer(new Question("do they get payed the same", comparison.Context));

        // "payed", a common misspelling of "paid", was declined as a word the guides do not use.
        Assert.True(pay.Answered, pay.Text);
        Assert.Equal("salary", pay.Intent.Name);
    }

    [Fact]
    public void Answer_Remuneration_IsAboutPay()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("What remuneration can a machine learning engineer expect?"));

        // It quoted what senior engineers are expected to do: "expect" was the only word the guides know.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("salary", answer.Intent.Name);
        Assert.Contains("$", answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what skills would they've needed", "skills")]
    [InlineData("what do ML engineers do once they're senior", "responsibilities")]
    public void Answer_Contraction_IsNoWordTheGuidesLack(string question, string intent)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        // Both were declined naming the contraction ("they've", "they're") as a word no guide uses.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal(intent, answer.Intent.Name);
    }

    [Fact]
    public void Answer_SchoolYearInTheBackground_AnswersTheQuestion()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("hi im in 11th grade and i want to work with AI when im older. what should i study in college"));

        // It was declined naming "11th" and "older": with both in no guide, the background was too
        // unknown for the asking sentence to be tried alone.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("education", answer.Intent.Name);
    }

    [Fact]
    public void Answer_DeclineOfAQuestionAfterABackground_NamesWhatTheQuestionLacks()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("I'm 44 and have spent 18 years in accounting. Is it realistic to move into machine learning engineering at this point, or is the field mostly for younger grads?"));

        // It named "spent" and "younger": the background's words before the question's.
        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Contains("\"younger\"", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"spent\"", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_AFollowUpAfterALongMessage_IsNotOutweighedByItsWords()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var story = engine.Answer(new Question("which skills, degrees, programming languages, tools, frameworks, certifications and portfolio projects does a junior machine learning engineer in a data science team need to get hired and promoted"));

        var answer = engine.Answer(new Question("what do you mean by MLOps exactly", story.Context));

        // All of a long message's terms were carried over (a newcomer's life story had 47), and outweighed the one the follow-up asks about.
        Assert.True(story.Answered, story.Text);
        Assert.True(story.Context.Terms.Count <= 12, string.Join(' ', story.Context.Terms));
        Assert.True(answer.Answered, answer.Text);
        Assert.Contains("MLOps", answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_GrowthFigureTheGuidesGive_QuotesTheGrowth_NotASentenceThatSaysGives()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("what's the job outlook number the guides give, like the growth percent?"));

        // "give" matched "Knowing several programming languages gives ML engineers a real competitive
        // advantage", which opened the reply; it only frames the question, as "mention" does.
        Assert.True(answer.Answered, answer.Text);
        Assert.DoesNotContain("programming languages", answer.Citations[0].Quote, StringComparison.Ordinal);
        Assert.Contains("+40%", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_RoughlyHowMuch_IsAnswered_NotDeclinedForRoughly()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var day = engine.Answer(new Question("Hi! I'm a PM who works closely with our ML team. What does an ML engineer actually do day to day, beyond what I see in sprint reviews?"));

        var answer = engine.Answer(new Question("ok so roughly how much of that is coding vs meetings/alignment stuff?", day.Context));

        // Declined naming "roughly", which only frames the question, as "exactly" does.
        Assert.True(answer.Answered, answer.Text);
    }

    [Theory]
    [InlineData("Hola! Soy ingeniero de sistemas en Monterrey, quiero saber qué skills necesito para ser machine learning engineer, sobre todo para trabajar remote para empresas de USA")]
    [InlineData("y el inglés, es muy importante? my english is ok but not perfect jaja")]
    [InlineData("ok gracias. y cuánto gana un ML engineer en promedio?")]
    public void Answer_AMessageMostlyInAnotherLanguage_IsDeclinedSayingTheBotReadsEnglish(string text)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(text));

        // Declined naming "Hola", "Soy" and "ingeniero" (or "y", "cuánto", "gana"), as if the guides
        // lacked only those words.
        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.StartsWith(Replies.EnglishOnly, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DevOps eng w/ 6 yrs of k8s, terraform, CI/CD pipelines. how much of that carries over into ML engineering?")]
    [InlineData("what's the weather going to be like in Seattle this weekend")]
    [InlineData("Is Edinburgh or Imperial ranked higher for machine learning?")]
    [InlineData("wat dose a mashine lerning enginer acually do all day")]   // told to ask in English
    [InlineData("wat r the skils neded for a mashine lerning job")]
    public void Answer_AnEnglishMessageWithNamesOrJargon_IsNotTakenForAnotherLanguage(string text)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(text));

        Assert.DoesNotContain(Replies.EnglishOnly, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_WordsThatOnlyFrame_AreNotNamedInADecline()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("I know MATLAB pretty well, does that count for anything or is it python or nothing"));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Contains("\"MATLAB\"", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"pretty\"", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"nothing\"", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi, I'm getting out of the Army next spring after 8 years as a signals intelligence analyst. Is machine learning engineering realistic for someone like me with no degree?", "education")]
    [InlineData("frontend dev here (react/typescript, 5 yrs). how different is an ML engineer's day to day from what I do now?", "responsibilities")]
    [InlineData("got laid off yesterday from a backend role (java, 4 yrs). trying not to panic. is now a bad time to pivot to ML given the job market?", "job_market")]
    public void Answer_ABackgroundOfWordsNoGuideUses_IsLeftOut_WhenTheQuestionNamesTheField(string text, string intent)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(text));

        // Declined naming "Army", "spring" and "signals", or "frontend": the background's words, which
        // say nothing of what a question about ML engineering asks.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal(intent, answer.Intent.Name);
    }

    [Fact]
    public void Answer_ABackgroundOfWordsNoGuideUses_StillSaysWhatAVagueQuestionIsAbout()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("I love baking sourdough bread. How do I get started?"));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Contains("\"sourdough\"", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_DoableForSomeoneLikeMe_IsAnsweredAfterALongBackground()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("Some background first: I've been a chartered accountant for 9 years, mostly audit plus some financial modelling in Excel, and over the last year I've taught myself Python and done a couple of Kaggle notebooks. I'm 36 with a mortgage so I can't just quit and go back to school full time. Realistically, is moving into ML engineering doable for someone like me, and what would the path look like?"));

        // Declined naming "chartered", "audit" and "last", then, with the asking sentence's words
        // named first, "doable": a word that only frames the question, as "realistically" does.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("getting_started", answer.Intent.Name);
    }

    [Fact]
    public void Answer_OkSoBeforeTheQuestion_AnswersTheQuestion()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("ok so whats the min degree then"));

        // It was declined: "ok" stayed in the question, a word the guides do not use.
        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("education", answer.Intent.Name);
        Assert.Contains("bachelor's", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_EllipticalFollowUp_ConfidentAloneInAModifier_KeepsThePreviousTopic()
    {
        // On its own "senior ones" reads as career path, above the probability at which a follow-up
        // used to switch topic; read with the question it continues, it is about pay.
        var knowledge = Snapshot(new FakeClassifier(("earn", "salary", 0.9), ("senior ones", "career_path", 0.75)));
        var engine = new AnswerEngine(knowledge);
        var first = engine.Answer(new Question("How much do junior engineers earn?"));

        var followUp = engine.Answer(new Question("what about senior ones?", first.Context));
        var turn = engine.Understand(new Question("what about senior ones?", first.Context));

        Assert.Equal("salary", followUp.Intent.Name);
        Assert.Equal("Senior engineers earn about $160,000 a year. [1]", followUp.Text);
        Assert.Equal("How much do junior engineers earn? what about senior ones?", followUp.Context.Question);
        Assert.Equal("How much do junior engineers earn? what about senior ones?", turn.Resolved);
    }

    [Theory]
    [InlineData("and for seniors?")]
    [InlineData("what about senior engineers?")]
    [InlineData("and at senior level?")]
    public void Answer_EllipticalFollowUpNamingOnlyALevel_KeepsThePreviousTopic_HoweverTheModelReadsIt(string followUpText)
    {
        // The trained model reads "senior" as career path alone and even after the pay question it
        // follows (it learned the word from questions on promotion): both readings say career path.
        var knowledge = Snapshot(new FakeClassifier(("senior", "career_path", 0.95), ("skills", "skills", 0.9), ("earn", "salary", 0.9)));
        var engine = new AnswerEngine(knowledge);
        var first = engine.Answer(new Question("How much do junior engineers earn?"));

        var followUp = engine.Answer(new Question(followUpText, first.Context));
        var topicOfItsOwn = engine.Answer(new Question("and the skills?", first.Context));

        Assert.Equal("salary", followUp.Intent.Name);
        Assert.Equal("Senior engineers earn about $160,000 a year. [1]", followUp.Text);
        Assert.Equal($"How much do junior engineers earn? {followUpText}", followUp.Context.Question);
        Assert.Equal("skills", topicOfItsOwn.Intent.Name);
    }

    [Fact]
    public void Understand_TwoTopicsNearlyTied_SplitsTheTopicBoost_OneClearTopicTakesItAll()
    {
        var classifier = new Moq.Mock<IIntentClassifier>();
        classifier.SetupGet(c => c.ClassNames).Returns(["career_path", "out_of_scope", "responsibilities", "salary"]);
        classifier.SetupGet(c => c.Threshold).Returns(0.0);
        classifier.Setup(c => c.Classify("junior engineer duties")).Returns(new IntentPrediction(
            Intent.FromName("career_path"), 0.45,
            [new ScoredIntent(Intent.FromName("career_path"), 0.45), new ScoredIntent(Intent.FromName("responsibilities"), 0.40), new ScoredIntent(Intent.OutOfScope, 0.1)]));
        classifier.Setup(c => c.Classify("junior engineer pay")).Returns(new IntentPrediction(
            Intent.FromName("salary"), 0.6,
            [new ScoredIntent(Intent.FromName("salary"), 0.6), new ScoredIntent(Intent.FromName("career_path"), 0.3), new ScoredIntent(Intent.OutOfScope, 0.1)]));
        var engine = new AnswerEngine(Snapshot(classifier.Object));

        var tied = engine.Understand(new Question("junior engineer duties")).Query;
        var clear = engine.Understand(new Question("junior engineer pay")).Query;

        Assert.Equal("career_path", tied.Topic?.Name);
        Assert.Equal(["career_path", "responsibilities"], tied.TopicShares.Select(t => t.Topic.Name));
        Assert.Equal(0.45 / 0.85, tied.TopicShares[0].Share, 9);
        Assert.Equal("salary", clear.Topic?.Name);
        Assert.Empty(clear.TopicShares);
    }

    [Fact]
    public void Answer_WhyFollowUp_KeepsTheSkillsContext()
    {
        var first = _engine.Answer(new Question("What skills do I need?"));
        var second = _engine.Answer(new Question("why C++?", first.Context));

        Assert.True(second.Answered);
        Assert.Equal("guide-a#skills", second.Citations[0].PassageId);
        Assert.Contains("C++ for fast inference", second.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_TellMeMoreOnceThePassageIsShown_GivesTheNextPassage()
    {
        // The first answer quotes one of the two sentences on the role; the first "tell me more"
        // shows that passage whole, the second moves on.
        var first = _engine.Answer(new Question("What does a machine learning engineer do?"));
        var whole = _engine.Answer(new Question("tell me more", first.Context));
        var more = _engine.Answer(new Question("tell me more", whole.Context));

        Assert.Equal(first.Citations[0].PassageId, whole.Citations[0].PassageId);
        Assert.Equal(first.Context!.PassageIds, whole.Context!.PassageIds);
        Assert.True(more.Answered);
        Assert.DoesNotContain(more.Citations[0].PassageId, whole.Context.PassageIds);
        Assert.Equal([.. whole.Context.PassageIds, more.Citations[0].PassageId], more.Context!.PassageIds);
        // What evaluation scores: the ranking the reply came from, not the words "tell me more" searched again.
        Assert.Equal(more.Citations[0].PassageId, more.Ranking[0].Passage.Id);
    }

    /// <summary>
    /// The salary answer quotes its first passage but for the closing sentence; "tell me more" quoted
    /// the same sentences and list again, still without that sentence. It now quotes what was left
    /// out, and as that is one sentence, the next passage with it.
    /// </summary>
    [Fact]
    public void Answer_TellMeMoreAfterALongPassageQuotedInPart_QuotesWhatWasLeftOut_NotTheSameAgain()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("how much do ML engineers earn?"));
        Assert.Equal(first.Citations[0].PassageId, first.Context.Unfinished);

        var more = engine.Answer(new Question("tell me more", first.Context));

        Assert.True(more.Answered, more.Text);
        Assert.Equal(first.Citations[0].PassageId, more.Citations[0].PassageId);
        Assert.DoesNotContain(more.Citations[0].Quote, first.Citations[0].Quote, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Citations[0].Quote, more.Citations[0].Quote, StringComparison.Ordinal);
        Assert.StartsWith(first.Citations[0].Quote, first.Citations[0].PassageText, StringComparison.Ordinal);
        Assert.EndsWith(more.Citations[0].Quote, first.Citations[0].PassageText, StringComparison.Ordinal);
        Assert.Equal(2, more.Citations.Count);
        Assert.Null(more.Context.Unfinished);
    }

    [Fact]
    public void Answer_TellMeMoreAfterAPartialQuote_QuotesThatPassageAtLengthFirst_ThenMovesOn()
    {
        var guide = TempKnowledgeBase.GuideA.Replace(
            "They deploy models to production.",
            "They deploy models to production. Most weeks include reviews with product teams. Some weeks go to cleaning data. "
            + "On-call rotations are shared. Every model gets written documentation. Mentoring juniors is part of the job too.",
            StringComparison.Ordinal);
        using var kb = new TempKnowledgeBase(guide);
        var loaded = kb.Load();
        var engine = new AnswerEngine(new KnowledgeSnapshot(loaded.Index, new FakeClassifier(("build", "responsibilities", 0.9)), loaded.Analyzer.Rules,
            new Dictionary<string, IReadOnlyList<string>>(), kb.Options()));

        var first = engine.Answer(new Question("What systems do machine learning engineers build?"));
        var more = engine.Answer(new Question("tell me more", first.Context));
        var next = engine.Answer(new Question("tell me more", more.Context));

        Assert.Equal("guide-a#what-the-role-is", first.Citations[0].PassageId);
        Assert.DoesNotContain("Mentoring juniors", first.Text, StringComparison.Ordinal);
        Assert.Equal("guide-a#what-the-role-is", first.Context!.Unfinished);
        Assert.Equal("guide-a#what-the-role-is", more.Citations[0].PassageId);
        Assert.Equal("guide-a#what-the-role-is", more.Ranking[0].Passage.Id);
        Assert.Contains("Mentoring juniors is part of the job too.", more.Text, StringComparison.Ordinal);
        Assert.Null(more.Context!.Unfinished);
        Assert.Equal(["guide-a#what-the-role-is"], more.Context.PassageIds);
        Assert.True(next.Kind == AnswerKind.Declined || next.Citations[0].PassageId != "guide-a#what-the-role-is");
    }

    /// <summary>
    /// "which one pays more" after "ML engineer vs data scientist" (a newcomer's pair) quoted the data
    /// scientists' pay alone: the follow-up compares nothing in its own words, so its quote had no
    /// sides to cover. It asks about the same two things, so it keeps the previous question's sides.
    /// </summary>
    [Fact]
    public void Answer_AFollowUpToAComparison_QuotesBothSides()
    {
        var guide = TempKnowledgeBase.GuideA.Replace(
            "Data scientists analyse data and run experiments. Machine learning engineers turn models into reliable software.",
            "Both roles sit on the same teams. Data scientists analyse data and run experiments, at a median salary of $140,000. "
            + "Many people move between the two roles. Machine learning engineers turn models into reliable software, at a median salary of $165,000. "
            + "Hiring managers value both skill sets. Titles differ between companies.",
            StringComparison.Ordinal);
        using var kb = new TempKnowledgeBase(guide);
        var loaded = kb.Load();
        var engine = new AnswerEngine(new KnowledgeSnapshot(loaded.Index, new FakeClassifier(("data scientist", "role_comparison", 0.9)), loaded.Analyzer.Rules,
            new Dictionary<string, IReadOnlyList<string>>(), kb.Options()));

        var comparison = engine.Answer(new Question("ML engineer vs data scientist?"));
        var followUp = engine.Answer(new Question("which one pays more?", comparison.Context));

        Assert.Equal("guide-a#how-is-the-role-different-from-a-data-scientist", followUp.Citations[0].PassageId);
        Assert.Contains("$140,000", followUp.Citations[0].Quote, StringComparison.Ordinal);
        Assert.Contains("$165,000", followUp.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_TellMeMoreWhenAllIsShown_SaysSo()
    {
        var first = _engine.Answer(new Question("Do I need a PhD?"));
        var more = _engine.Answer(new Question("more please", first.Context));

        Assert.Equal(AnswerKind.Declined, more.Kind);
        Assert.Equal(Replies.NothingMore, more.Text);
        Assert.Same(first.Context, more.Context);
    }

    [Fact]
    public void Answer_OutOfScope_DeclinesPolitelyWithThreeSuggestions()
    {
        var answer = _engine.Answer(new Question("What's the weather in Seattle?"));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.False(answer.Answered);
        Assert.Empty(answer.Citations);
        Assert.StartsWith("Sorry, I can't answer that from my career guides. I cover the machine learning engineer career: ", answer.Text, StringComparison.Ordinal);
        // One sample question from each of the first three topics that have one, in the model's order.
        Assert.Equal(["What comes after senior?", "Do I need a PhD?", "How is the role different from a data scientist?"], answer.Suggestions);
    }

    [Fact]
    public void Answer_ConfidentTopicButNoMatchingPassage_Declines_NamingTheWordsNoGuideUses()
    {
        // "what about in the UK?" after a question on pay (a newcomer's) was declined with the same
        // words as "what's the weather like": the visitor could not tell what was missing.
        var answer = _engine.Answer(new Question("astronaut salary on the space station orbit"));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.Equal("salary", answer.Intent.Name);
        Assert.StartsWith("Sorry, my career guides don't mention \"astronaut\", \"space\" or \"station\", so I can't answer that from them.", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>The words a decline names come from the visitor: markup, links and mentions are never echoed into a channel's reply.</summary>
    [Fact]
    public void Answer_ADeclineNamingUnknownWords_NeverEchoesMarkupOrMentions()
    {
        var answer = _engine.Answer(new Question("astronaut salary <!channel> <@U024BE7LH> [prize](https://example.invalid) **orbit** `x`"));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.StartsWith("Sorry, my career guides don't mention \"astronaut\", \"orbit\" or \"x\",", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("*", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("remote jobs for graduates")] // the topic at 0.95
    [InlineData("remote roles for graduates")] // at 0.85, as sure as the trained model is of "is fairness in ai a real issue at work or just hype" (challenges): declined while the cut was 0.9
    public void Answer_ConfidentTopic_PassageOnItBelowTheAnswerCoverage_IsAnsweredAsTheClosestSayingSo(string question)
    {
        // "remote" is the only word of this question the guides have: coverage about 0.28.
        var answer = _engine.Answer(new Question(question));

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.StartsWith(Replies.Closest + "\n\n", answer.Text, StringComparison.Ordinal);
        Assert.Equal("guide-b#weather-on-the-coast", Assert.Single(answer.Citations).PassageId);
        Assert.Equal("guide-b#weather-on-the-coast", answer.Ranking[0].Passage.Id);
    }

    [Fact]
    public void Answer_TopicBelowTheCloseIntent_WeakPassage_IsDeclined()
    {
        // The same weak match as "remote jobs for graduates", but the classifier is less sure (0.75).
        var answer = _engine.Answer(new Question("remote gigs for graduates"));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
    }

    [Fact]
    public void Answer_Suggestions_NeverTwoThatAskTheSameThingInOtherWords()
    {
        using var knowledge = new KnowledgeSnapshot(
            _loaded.Index, new FakeClassifier(("earn", "salary", 0.9)), _loaded.Analyzer.Rules,
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["salary"] = ["How much do ML engineers earn?", "How much do machine learning engineers earn?", "What do principal engineers earn?"],
            },
            _kb.Options());

        var answer = new AnswerEngine(knowledge).Answer(new Question("what do juniors earn by level"));

        Assert.Contains("How much do ML engineers earn?", answer.Suggestions);
        Assert.DoesNotContain("How much do machine learning engineers earn?", answer.Suggestions);
    }

    [Fact]
    public void Answer_TwoCloseTopicsUnsure_AsksWhichWasMeant()
    {
        var classifier = new Moq.Mock<IIntentClassifier>();
        classifier.SetupGet(c => c.ClassNames).Returns(["career_path", "education", "out_of_scope", "salary"]);
        classifier.SetupGet(c => c.Threshold).Returns(0.0);
        classifier.Setup(c => c.Classify(Moq.It.IsAny<string>())).Returns(new IntentPrediction(
            Intent.OutOfScope, 0.32,
            [new ScoredIntent(Intent.OutOfScope, 0.32), new ScoredIntent(Intent.FromName("salary"), 0.31), new ScoredIntent(Intent.FromName("career_path"), 0.29)]));
        var knowledge = new KnowledgeSnapshot(_loaded.Index, classifier.Object, _loaded.Analyzer.Rules,
            new Dictionary<string, IReadOnlyList<string>> { ["salary"] = ["How much do ML engineers earn?"], ["career_path"] = ["What comes after senior?"] },
            _kb.Options());

        var answer = new AnswerEngine(knowledge).Answer(new Question("zebra quokka"));

        Assert.Equal(AnswerKind.DidYouMean, answer.Kind);
        Assert.Equal(Replies.DidYouMean, answer.Text);
        Assert.Equal(["How much do ML engineers earn?", "What comes after senior?"], answer.Suggestions);
        classifier.Verify(c => c.Classify("zebra quokka"), Moq.Times.Once());
    }

    private KnowledgeSnapshot Snapshot(IIntentClassifier classifier) =>
        new(_loaded.Index, classifier, _loaded.Analyzer.Rules,
            new Dictionary<string, IReadOnlyList<string>> { ["salary"] = ["How much do ML engineers earn?"] },
            _kb.Options());

    [Fact]
    public void Answer_AskingForAnExampleOrWhatAboutSomethingReadAsHelp_OrAWeakGreeting_FollowsUpOnThePreviousTopic()
    {
        // "give me an example" and "what about principal ones?" read as asking the bot for help,
        // "usually for principal ones?" as a weak greeting; after a question on pay all go on with
        // pay ("what about weekends?" after a question on working hours got the help text). Plain
        // small talk stays small talk, and so does "what about you?", which names nothing.
        // The test guides never say "give": searched for, it would be corrected to "live" and find
        // the passage on living by the coast.
        var engine = new AnswerEngine(Snapshot(new FakeClassifier(
            ("earn", "salary", 0.9), ("example", "help", 1.0), ("can you do", "help", 0.95), ("what about", "help", 0.9), ("usually", "greeting", 0.34))));
        var first = engine.Answer(new Question("How much do junior engineers earn?"));

        var example = engine.Answer(new Question("give me an example", first.Context));
        var weak = engine.Answer(new Question("usually for principal ones?", first.Context));
        var whatAbout = engine.Answer(new Question("what about principal ones?", first.Context));
        var help = engine.Answer(new Question("what can you do", first.Context));
        var you = engine.Answer(new Question("what about you?", first.Context));

        Assert.Equal(AnswerKind.Answered, example.Kind);
        Assert.Equal("salary", example.Intent.Name);
        Assert.Equal(first.Citations[0].PassageId, example.Citations[0].PassageId);
        Assert.Equal(AnswerKind.Answered, weak.Kind);
        Assert.Equal("salary", weak.Intent.Name);
        Assert.Equal(AnswerKind.Answered, whatAbout.Kind);
        Assert.Equal("salary", whatAbout.Intent.Name);
        Assert.Equal(AnswerKind.Help, help.Kind);
        Assert.Equal(AnswerKind.Help, you.Kind);
    }

    [Fact]
    public void Answer_EveryoneKeepsMentioningSomething_IsAnsweredOnThatThing_NotAsTheClosestPassage()
    {
        // "whats MLOps and why does everyone keep mentioning it" was declined: "everyone" and
        // "mentioning" counted as much as "MLOps", so the MLOps passage covered a third of the question.
        var answer = _engine.Answer(new Question("why is everyone mentioning a PhD?"));

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal("guide-a#do-i-need-a-phd", answer.Citations[0].PassageId);
        Assert.DoesNotContain(Replies.Closest, answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A message after an answer follows up where it continues the thread, and not where it leaves
    /// the guides. "how long does that usually take?" after a question on becoming a team lead was
    /// read as out of scope (0.42) and declined: three words of its own, but "that" is the previous
    /// question. "and nurses?" after a question on ML engineers' pay was answered from the outlook
    /// passage (its "most occupations" shares a word with the occupations the guides do not cover):
    /// read alone and with the question before it, it is off topic. Here "the weather" is in a heading
    /// of the test guides, as "occupations" is in the outlook passage.
    /// </summary>
    [Theory]
    [InlineData("Do I need a PhD?", "is that degree enough for employers?", "enough for many employers", "is lasagne enough for dinner?")]
    [InlineData("How much do junior engineers earn?", "and a principal?", "Principal engineers earn about $220,000 a year.", "and the weather?")]
    public void Answer_AFollowUpThatContinues_IsAnsweredInContext_AndOneThatLeavesTheGuidesIsDeclined(
        string first, string continues, string expectedInQuote, string leaves)
    {
        var engine = new AnswerEngine(Snapshot(new FakeClassifier(
            ("weather", "out_of_scope", 0.95), ("earn", "salary", 0.9), ("phd", "education", 0.9))));
        var previous = engine.Answer(new Question(first));

        var followUp = engine.Answer(new Question(continues, previous.Context));
        var offTopic = engine.Answer(new Question(leaves, previous.Context));

        Assert.Equal(AnswerKind.Answered, followUp.Kind);
        Assert.Equal(previous.Intent.Name, followUp.Intent.Name);
        Assert.Contains(expectedInQuote, followUp.Text, StringComparison.Ordinal);
        Assert.Equal(AnswerKind.Declined, offTopic.Kind);
        Assert.Empty(offTopic.Citations);
    }

    [Fact]
    public void Understand_ARequestToElaborateOnASubject_SearchesForTheSubject_NotForTheRequest()
    {
        var engine = new AnswerEngine(Snapshot(new FakeClassifier(("earn", "salary", 0.9), ("example", "help", 1.0))));
        var first = engine.Answer(new Question("How much do junior engineers earn?"));

        var bare = engine.Understand(new Question("give me an example", first.Context));
        var subject = engine.Understand(new Question("give me an example with C++", first.Context));
        var part = engine.Understand(new Question("tell me more about the C++ part", first.Context));

        Assert.Equal(first.Context!.Terms, bare.Query.Terms);
        Assert.Empty(bare.Query.ContextTerms);
        Assert.Equal(["cpp"], subject.Query.Terms);
        Assert.Equal(first.Context.Terms, subject.Query.ContextTerms);
        Assert.True(part.IsFollowUp);
        Assert.Equal(["cpp"], part.Query.Terms);
    }

    [Theory]
    [InlineData("Translate thank you into French")] // read as thanks (0.95 here, 0.55 by the trained model): "You're welcome!"
    [InlineData("please write a thank you note to my manager")]
    public void Answer_ARequestToMakeSomething_IsDeclined_NotSmallTalk(string text)
    {
        var answer = _engine.Answer(new Question(text));

        Assert.Equal(AnswerKind.Declined, answer.Kind);
    }

    [Fact]
    public void Answer_ARequestToMakeSomething_WithAConfidentTopic_IsAnswered()
    {
        // "write down ..." asks the salary question in other words; the classifier is sure of it.
        var answer = _engine.Answer(new Question("write down what junior engineers earn"));

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal("salary", answer.Intent.Name);
    }

    [Fact]
    public void Answer_Greeting_IsSmallTalkWithSuggestions()
    {
        var answer = _engine.Answer(new Question("hello there"));

        Assert.Equal(AnswerKind.Greeting, answer.Kind);
        Assert.Equal(Replies.Greeting, answer.Text);
        Assert.Equal(3, answer.Suggestions.Count);
        Assert.False(answer.Answered);
    }

    [Fact]
    public void Answer_SmallTalk_KeepsTheContextForLaterFollowUps()
    {
        var first = _engine.Answer(new Question("How much do junior engineers earn?"));
        var thanks = _engine.Answer(new Question("thank you", first.Context));
        var followUp = _engine.Answer(new Question("what about senior ones?", thanks.Context));

        Assert.Same(first.Context, thanks.Context);
        Assert.Equal("Senior engineers earn about $160,000 a year. [1]", followUp.Text);
    }

    [Fact]
    public void Answer_HugeQuestion_IsTrimmedNotRejected()
    {
        var answer = _engine.Answer(new Question("Do I need a PhD? " + new string('x', 100_000)));

        Assert.True(answer.Answered);
        Assert.Equal(AnswerEngine.MaxQuestionLength, answer.Question.Length);
    }

    [Theory]
    [InlineData("the and of to a what is it")]
    [InlineData("?!?! ... ,,, ;;; --")]
    [InlineData("* ? ~ ^ : \" \\ AND OR NOT")]
    [InlineData("phd* AND salary~2 OR skills^3 NOT \"junior\" title:\\x")]
    [InlineData("((((((((((")]
    public void Answer_HostileQuestion_AnswersOrDeclinesPolitely(string text)
    {
        var answer = _engine.Answer(new Question(text));

        Assert.Contains(answer.Kind, new[] { AnswerKind.Answered, AnswerKind.Declined, AnswerKind.Help, AnswerKind.DidYouMean });
        Assert.False(string.IsNullOrWhiteSpace(answer.Text));
    }

    [Fact]
    public void Answer_TenThousandCharactersOfDistinctWords_DeclinesOrAnswersWithoutThrowing()
    {
        var text = string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"w{i}x")) + " salary";

        var answer = _engine.Answer(new Question(text[..Math.Min(text.Length, 10_000)]));

        Assert.Contains(answer.Kind, new[] { AnswerKind.Answered, AnswerKind.Declined });
        Assert.False(string.IsNullOrWhiteSpace(answer.Text));
    }

    [Fact]
    public void Answer_EmptyQuestion_GetsHelp()
    {
        var answer = _engine.Answer(new Question("   "));

        Assert.Equal(AnswerKind.Help, answer.Kind);
    }

    [Fact]
    public void Understand_TopicIntent_BoostsPassagesTaggedWithIt()
    {
        var turn = _engine.Understand(new Question("Do I need a PhD?"));

        Assert.Equal(new Topic("education"), turn.Query.Topic);
        Assert.All(_engine.Retrieve(turn).Take(2), r => Assert.True(r.Passage.HasTopic(new Topic("education"))));
    }

    [Fact]
    public void Retrieve_ExcludedPassages_AreSkipped()
    {
        var query = new RetrievalQuery(["phd"], [], null, new HashSet<string> { "guide-a#do-i-need-a-phd" });

        var ranked = _knowledge.Retriever.Retrieve(query, 10);

        Assert.DoesNotContain(ranked, r => r.Passage.Id == "guide-a#do-i-need-a-phd");
        Assert.Equal("guide-b#required-education", ranked[0].Passage.Id);
    }

    /// <summary>After the first months of a plan, "and then?" said goodbye (0.78): it asks for the next passage, as "tell me more" does.</summary>
    [Theory]
    [InlineData("and then?")]
    [InlineData("what's next")]
    [InlineData("then what")]
    public void Answer_AndThen_AfterAnAnswer_IsTellMeMore(string text)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("how long does it take to become an ML engineer?"));
        Assert.True(first.Answered, first.Text);

        var next = engine.Answer(new Question(text, first.Context));

        Assert.Equal(engine.Answer(new Question("tell me more", first.Context)).Text, next.Text);
    }
}
