using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Answers;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;

namespace CareerBot.Knowledge.Tests;

/// <summary>Invariants of the repository's own knowledge base, guarded like Lucene's factory checks.</summary>
public sealed class KnowledgeBaseInvariantTests
{
    private static readonly KnowledgeOptions Options = RepositoryKnowledgeBase.Options();
    private static readonly UtteranceSet Utterances = UtteranceLoader.LoadDirectory(Options.IntentsPath);
    private static readonly IReadOnlyList<Guide> Guides = GuideLoader.LoadDirectory(Options.GuidesPath);

    /// <summary>What `lint` checks on the committed knowledge base: no error (warnings are listed by lint, not failed on).</summary>
    [Fact]
    public void Check_CommittedKnowledgeBase_HasNoErrors()
    {
        var check = new KnowledgeLoader(Options).Check();

        Assert.Empty(check.Diagnostics.Errors.Select(d => d.ToString()));
    }

    /// <summary>A quote is shown without its heading, so no passage may open with a bare "No:" or "Yes,".</summary>
    [Fact]
    public void Check_CommittedKnowledgeBase_HasNoPassageOpeningWithABareYesOrNo()
    {
        var check = new KnowledgeLoader(Options).Check();

        Assert.Empty(check.Diagnostics.Items.Where(d => d.Message.Contains("bare yes or no", StringComparison.Ordinal)).Select(d => d.ToString()));
    }

    [Fact]
    public void EveryIntentTheCodeActsOn_HasItsUtteranceFile()
    {
        foreach (var kind in Enum.GetValues<IntentKind>().Where(k => k != IntentKind.Topic))
        {
            Assert.Contains(Intent.Conversational(kind).Name, Utterances.IntentNames);
        }
    }

    [Fact]
    public void EveryTopicFile_IsTaggedOnAtLeastOnePassage_AndEveryTagHasAFile()
    {
        var topics = Utterances.IntentNames.Select(Intent.FromName).Where(i => i.IsTopic).Select(i => i.Topic!.Value.Name).ToHashSet();
        var tagged = Guides.SelectMany(g => g.Passages).SelectMany(p => p.Topics).Select(t => t.Name).ToHashSet();

        Assert.Equal(topics.Order(), tagged.Order());
        Assert.Equal(["career_path", "challenges", "education", "getting_started", "job_market", "responsibilities", "role_comparison", "salary", "skills"], topics.Order());
    }

    [Fact]
    public void UtteranceCounts_MeetTheFloor()
    {
        foreach (var group in Utterances.Examples.GroupBy(e => e.Intent))
        {
            var floor = group.Key switch
            {
                "out_of_scope" => 100,
                "greeting" or "thanks" or "goodbye" or "help" => 20,
                _ => 40,
            };
            Assert.True(group.Count() >= floor, $"{group.Key} has {group.Count()} utterances, fewer than {floor}");
        }
    }

    [Fact]
    public void Guides_OnePerSourceGuide_EachNamingItsSource()
    {
        Assert.Equal(["how-to-become-mle", "jobicy-mle-guide", "mle-career-snapshot", "mle-what-they-do", "zengig-mle-guide"], Guides.Select(g => g.Id));
        Assert.All(Guides, g => Assert.False(string.IsNullOrWhiteSpace(g.Source)));
    }

    [Fact]
    public void EveryPassage_HasThreeToEightAlternateQuestions()
    {
        var wrong = Guides.SelectMany(g => g.Passages)
            .Where(p => p.AlternateQuestions.Count is < 3 or > GuideComment.MaxAlternates)
            .Select(p => $"{p.Id} ('{p.Heading}'): {p.AlternateQuestions.Count}")
            .ToList();

        Assert.True(wrong.Count == 0, "passages without 3-8 alternate questions:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void AlternateQuestions_AreNeverShown()
    {
        var passages = Guides.SelectMany(g => g.Passages).ToList();
        Assert.All(passages, p => Assert.DoesNotContain("<!--", p.Text, StringComparison.Ordinal));
        Assert.All(passages, p => Assert.DoesNotContain(p.AlternateQuestions, a => p.Text.Split('\n').Contains("- " + a)));

        // Asked word for word, an alternate question is answered from guide text: no alternate comes back as
        // text, quote or suggestion (unless a guide happens to say the same words itself).
        var alternates = passages.SelectMany(p => p.AlternateQuestions).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var hidden = alternates.Where(a => !passages.Any(p => p.Text.Contains(a, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(hidden.Count > alternates.Count * 0.95, $"{hidden.Count} of {alternates.Count} alternate questions are not guide text");
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        foreach (var question in alternates)
        {
            var answer = engine.Answer(new Question(question));
            var shown = new[] { answer.Text }.Concat(answer.Suggestions)
                .Concat(answer.Citations.SelectMany(c => new[] { c.Quote, c.PassageText, c.SectionPath }));
            var leaked = shown.SelectMany(s => hidden.Where(a => s.Contains(a, StringComparison.OrdinalIgnoreCase))).FirstOrDefault();
            Assert.True(leaked is null, $"'{question}' shows the alternate question '{leaked}'");
        }
    }

    /// <summary>
    /// Asked every alternate question of the guides (nearly 500 ways visitors ask), every quote is
    /// an exact substring of its passage that neither ends on a line leading into something else
    /// nor stops inside a section's introduction, and no suggestion repeats another or the question.
    /// </summary>
    [Fact]
    public void Quotes_NeverEndOnALeadIn_AndSuggestionsNeverRepeat()
    {
        var snapshot = RepositoryKnowledgeBase.Snapshot;
        var engine = new AnswerEngine(snapshot);
        var byId = snapshot.Passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var questions = Guides.SelectMany(g => g.Passages).SelectMany(p => p.AlternateQuestions).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var answered = 0;
        foreach (var question in questions)
        {
            var answer = engine.Answer(new Question(question) { AskedOn = new DateOnly(2026, 12, 3) });
            foreach (var citation in answer.Citations)
            {
                var passage = byId[citation.PassageId];
                var at = passage.Text.IndexOf(citation.Quote, StringComparison.Ordinal);
                Assert.True(at >= 0, $"'{question}': the quote is not text of {passage.Id}");
                Assert.False(citation.Quote.EndsWith(':'), $"'{question}': the quote from {passage.Id} ends on a lead-in: {citation.Quote}");
                Assert.True(at + citation.Quote.Length > passage.LeadLength, $"'{question}': the quote from {passage.Id} is only its section's introduction");
            }

            Assert.Equal(answer.Suggestions.Count, answer.Suggestions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.DoesNotContain(question, answer.Suggestions, StringComparer.OrdinalIgnoreCase);
            answered += answer.Answered ? 1 : 0;
        }

        Assert.True(answered > questions.Count * 0.9, $"{answered} of {questions.Count} alternate questions answered");
    }

    [Fact]
    public void PhdQuestion_ShowsEachGuidesOwnClaim()
    {
        var answer = new AnswerEngine(RepositoryKnowledgeBase.Snapshot).Answer(new Question("Do I need a PhD?"));

        Assert.True(answer.Answered);
        Assert.StartsWith("Most industry ML engineer jobs do not call for a PhD: they ask only for a bachelor's degree or equivalent experience.", answer.Text, StringComparison.Ordinal);
        var jobicy = Assert.Single(answer.Citations, c => c.PassageId.StartsWith("jobicy-mle-guide#", StringComparison.Ordinal));
        Assert.Contains("Master's or Ph.D.", jobicy.Quote, StringComparison.Ordinal);
        Assert.Equal(answer.Citations.Select(c => c.PassageId.Split('#')[0]).Distinct().Count(), answer.Citations.Count);
    }

    [Theory]
    [InlineData("How much does an entry-level ML engineer earn?", "what about senior ones?", "enior")]
    [InlineData("How many years of experience does a senior ML engineer have?", "and a principal?", "rincipal")]
    [InlineData("Which programming languages do ML engineers use?", "why C++?", "C++")]
    [InlineData("ML engineer vs data scientist?", "which one pays more?", "$")]
    public void FollowUp_OnTheRealGuides_AnswersInContext(string first, string followUp, string expectedInQuote)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var context = engine.Answer(new Question(first)).Context;

        var answer = engine.Answer(new Question(followUp, context));

        Assert.True(answer.Answered, answer.Text);
        Assert.Contains(expectedInQuote, answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    /// <summary>
    /// The challenges answer lists five in its opening sentence and quotes the first; "tell me more
    /// about the second one" was read as a question about "second" and declined. A pointer to an
    /// item by place asks about that item, under the topic it was listed in, and the list stays
    /// for the next pointer.
    /// </summary>
    [Fact]
    public void FollowUp_PointingToAnItemByPlace_AnswersAboutThatItem()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var challenges = engine.Answer(new Question("what are the biggest challenges for ml engineers?"));

        var second = engine.Answer(new Question("tell me more about the second one", challenges.Context));
        var last = engine.Answer(new Question("and the last one?", second.Context));
        var named = engine.Answer(new Question("what's the second challenge?", challenges.Context));

        Assert.Equal("mle-what-they-do#data-quality", challenges.Citations[0].PassageId);
        Assert.Equal("mle-what-they-do#debugging-and-reproducibility", second.Citations[0].PassageId);
        Assert.Equal("challenges", second.Intent.Name);
        Assert.Equal("mle-what-they-do#pace-of-change", last.Citations[0].PassageId);
        Assert.Equal("mle-what-they-do#debugging-and-reproducibility", named.Citations[0].PassageId);
    }

    /// <summary>
    /// A newcomer's "how is an ML engineer different from a software engineer, in a few bullet
    /// points pls" quoted the one sentence in which a blog "points to" job descriptions: the request
    /// for a form of reply is no search term.
    /// </summary>
    [Theory]
    [InlineData("how is an ML engineer different from a software engineer, in a few bullet points pls")]
    [InlineData("how is an ML engineer different from a software engineer? keep it short")]
    public void RequestForAFormOfReply_DoesNotChangeWhatIsAnswered(string question)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.Equal("mle-what-they-do#how-is-a-machine-learning-engineer-different-from-a-software", answer.Citations[0].PassageId);
    }

    /// <summary>
    /// A newcomer's "I'm a nurse with 8 years experience, how do I move into a nurse practitioner
    /// role" was read as getting started (0.53) and answered with how people move into ML
    /// engineering. A question that names an occupation the guides do not cover, and never the
    /// field, is declined; one that names the field is answered.
    /// </summary>
    [Theory]
    [InlineData("I'm a nurse with 8 years experience, how do I move into a nurse practitioner role", false)]
    [InlineData("I'm a teacher, can I become an ML engineer?", true)]
    [InlineData("is ML engineering a good occupation?", true)]
    public void AnotherOccupation_WithoutTheField_IsDeclined(string question, bool answered)
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question(question));

        Assert.Equal(answered, answer.Answered);
    }

    /// <summary>
    /// "the second one, is that mostly cleaning data or what" after a reply that cited three sources
    /// and quoted no list: the second source is what it points to, and the rest of the message what
    /// it asks about it (it was declined).
    /// </summary>
    [Fact]
    public void FollowUp_PointingToASourceByPlace_WithAQuestion_AnswersFromThatSource()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var first = engine.Answer(new Question("what do ML engineers actually do all day"));

        var second = engine.Answer(new Question("the second one, is that mostly cleaning data or what", first.Context));

        Assert.Equal(first.Citations[1].PassageId, second.Citations[0].PassageId);
        Assert.Contains("cleaning data", second.Citations[0].Quote, StringComparison.Ordinal);
    }

    /// <summary>
    /// A newcomer's "tell me more about the model drift thing" after the challenges answer was given
    /// the closest challenge (data quality, "my guides don't answer that exactly"): the topic and the
    /// previous question's words put it first, though the monitoring section just below covers the
    /// message's own words. A follow-up is answered from a passage among the first few that covers
    /// it before it falls back on the closest.
    /// </summary>
    [Fact]
    public void FollowUp_NamingWhatAnotherSectionCovers_IsAnsweredFromThatSection()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);
        var challenges = engine.Answer(new Question("what are the biggest challenges ML engineers face"));

        var drift = engine.Answer(new Question("tell me more about the model drift thing", challenges.Context));

        Assert.Equal("mle-what-they-do#monitoring-and-mlops", drift.Citations[0].PassageId);
        Assert.DoesNotContain("don't answer that exactly", drift.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// A newcomer's "Which pays better, ML engineer or software engineer…" is a comparison (1.00),
    /// and was answered with "the closest they come": the difference in the work, without a figure.
    /// A comparison that asks about pay shares its topic boost with pay, where the figures are.
    /// </summary>
    [Fact]
    public void ComparisonOfPay_IsAnsweredWithAFigure()
    {
        var engine = new AnswerEngine(RepositoryKnowledgeBase.Snapshot);

        var answer = engine.Answer(new Question("Which pays better, ML engineer or software engineer, and is the extra difficulty of the ML path worth it if you're just after the money?"));

        Assert.Contains("$", answer.Citations[0].Quote, StringComparison.Ordinal);
        Assert.DoesNotContain("don't answer that exactly", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// "Do ML engineers in California really make way more than in Texas?" (a fresh question) quoted
    /// zengig's opening on pay in general: the item "California: $139,620" has only its own word, and
    /// the lead-in it is always quoted with ("The best-paying US states for ML engineers, by average
    /// salary:") holds the rest. An item with a word of the question is scored with its lead-in's
    /// words (not its length: "what percentage of ml engineers have a graduate degree" then quoted
    /// step 6 alone, further down the list, over step 4 on the master's degree); an item with only a
    /// figure is not, so a question on what pay depends on keeps the opening.
    /// </summary>
    [Theory]
    [InlineData("do ml engineers in california make more than in texas", "zengig-mle-guide#how-much-machine-learning-engineers-make", "California: $139,620")]
    [InlineData("What affects how much an ML engineer is paid?", "zengig-mle-guide#how-much-machine-learning-engineers-make", "Pay for ML engineers depends on experience")]
    [InlineData("what percentage of ml engineers have a graduate degree", "zengig-mle-guide#how-to-become-a-machine-learning-engineer", "Step 4, get a master's degree")]
    public void ListSections_QuoteTheItemAskedAboutWithItsLeadIn(string question, string passageId, string expectedInQuote)
    {
        var answer = new AnswerEngine(RepositoryKnowledgeBase.Snapshot).Answer(new Question(question));

        var citation = Assert.Single(answer.Citations, c => c.PassageId == passageId);
        Assert.Contains(expectedInQuote, citation.Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What are the downsides of ML engineering?")]
    [InlineData("Any drawbacks to being an MLE?")]
    public void Downsides_AreAnsweredFromTheChallengesSections(string question)
    {
        var answer = new AnswerEngine(RepositoryKnowledgeBase.Snapshot).Answer(new Question(question));

        Assert.True(answer.Answered, answer.Text);
        Assert.Equal("challenges", answer.Intent.Name);
        Assert.All(answer.Citations, c => Assert.StartsWith("Challenges", c.SectionPath, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what are the drawbacks", "what are the challenges")]
    [InlineData("pros and cons", "pros and challenges")]
    [InlineData("a credit model may disadvantage applicants", "a credit model may disadvantage applicants")]
    [InlineData("thanks, see ya", "thanks goodbye")]
    [InlineData("appreciate it, talk to you later", "appreciate it goodbye")]
    [InlineData("ok take care", "ok goodbye")]
    [InlineData("take care and thanks", "goodbye and thanks")]
    [InlineData("hello, good to see you", "hello good to see you")]
    [InlineData("who takes care of the data", "who takes care of the data")]
    [InlineData("do they take care of deployment", "do they take care of deployment")]
    [InlineData("do they make way more in california", "do they salary way more in california")]
    [InlineData("do ml engineers make good money", "do machine learning engineer salary good money")]
    [InlineData("make way for new tools", "make way for new tools")]
    public void CommittedSynonyms_ReadOnlyInTheSenseTheyAreMeant(string text, string expected)
    {
        using var analyzer = new KnowledgeAnalyzer(SynonymRules.Load(Options.SynonymsPath));

        Assert.Equal(expected, string.Join(' ', analyzer.IntentWords(text)));
    }

    [Theory]
    [InlineData("what are the drawbacks", "challeng")]
    [InlineData("pros and cons", "pro challeng")]
    [InlineData("thanks, see ya", "thank goodby")]
    [InlineData("ok take care", "ok goodby")]
    [InlineData("take care and thanks", "goodby thank")]
    [InlineData("hello, good to see you", "hello good see")]
    [InlineData("who takes care of the data", "take care data")]
    [InlineData("How much do they make?", "salari")]
    [InlineData("average paycheck", "averag salari")]
    [InlineData("which one is the worst?", "challeng")]
    [InlineData("median comp, base only", "median salari base")]
    [InlineData("What makes the job hard?", "make job hard")]
    [InlineData("Do I need a Ph.D. or a master's?", "phd master")]
    public void CommittedSynonyms_ThroughTheAnalyzer_GiveTheIndexedTerms(string text, string expected)
    {
        using var analyzer = new KnowledgeAnalyzer(SynonymRules.Load(Options.SynonymsPath));

        Assert.Equal(expected, string.Join(' ', analyzer.Tokens(text)));
    }
}
