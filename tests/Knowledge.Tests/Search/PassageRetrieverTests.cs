using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Tests.Search;

public sealed class PassageRetrieverTests : IDisposable
{
    private readonly List<PassageIndex> _indexes = [];
    private readonly KnowledgeAnalyzer _analyzer = new(SynonymRules.Empty);

    private static readonly Passage[] Passages =
    [
        Passage("role", "What an engineer does", "An engineer builds models, deploys them and watches them."),
        Passage("deployment", "Deployment", "Engineers deploy models in containers behind an API."),
        Passage("hours", "Work hours", "Engineers work from nine to five, and exactly that."),
        Passage("scientist", "Engineer versus scientist", "A scientist analyses data; an engineer ships models."),
        Passage("developer", "Engineer versus developer", "A developer writes code; an engineer also ships models."),
        Passage("pay", "Pay", "Engineers earn well."),
    ];

    [Fact]
    public void Retrieve_HeadingOfTheDistinctiveWord_OutranksHeadingOfTheCommonOnes()
    {
        // "engineer" is in every passage; "deploy" ("deployment" stems to "deploy", "deploy" to "deploi") is the question.
        var ranked = Retriever().Retrieve(RetrievalQuery.For(Terms("engineer", "deploy", "models")), 3);

        Assert.Equal("g#deployment", ranked[0].Passage.Id);
        Assert.Equal(1.0, ranked[0].Coverage, 6);
    }

    [Fact]
    public void Retrieve_FramingWord_CountsForLittle()
    {
        var ranked = Retriever().Retrieve(RetrievalQuery.For(Terms("exactly", "engineer", "builds")), 3);

        Assert.Equal("g#role", ranked[0].Passage.Id);
    }

    [Fact]
    public void Retrieve_FollowUpThatReplacesPartOfTheQuestion_CandidatesComeFromTheNewWords()
    {
        // "what about a developer?" after a question on engineers and scientists: the passages on
        // the previous subject, just shown, are not searched for again.
        var query = new RetrievalQuery(Terms("developer"), Terms("engineer", "scientist"), null, new HashSet<string>());

        var ranked = Retriever().Retrieve(query, 3);

        Assert.Equal("g#developer", ranked[0].Passage.Id);
        Assert.DoesNotContain(ranked, r => r.Passage.Id == "g#scientist");
    }

    [Fact]
    public void Retrieve_FollowUpWhoseOwnWordsNameNoSubject_FindsThePreviousSubject()
    {
        // "and which one watches?" after "does a scientist analyse data, versus an engineer?": "watches"
        // alone finds only the passage on what an engineer does.
        var query = new RetrievalQuery(Terms("watches"), Terms("scientist", "analyses", "data", "versus"), null, new HashSet<string>())
        {
            SearchesContext = true,
        };

        var ranked = Retriever().Retrieve(query, 3);

        Assert.Equal("g#scientist", ranked[0].Passage.Id);
    }

    [Fact]
    public void Retrieve_FollowUpWhoseOwnWordsAreInNoPassage_FindsNothing()
    {
        // "which one pays more in the UK?" after a question on pay: no passage says "UK", and the
        // pay passage would answer a question that was not asked.
        var query = new RetrievalQuery(Terms("uk"), Terms("engineers", "earn"), null, new HashSet<string>())
        {
            SearchesContext = true,
        };

        Assert.Empty(Retriever().Retrieve(query, 3));
    }

    [Fact]
    public void Retrieve_TwoTopicsNearlyTied_PassageTaggedWithBothComesFirst()
    {
        // "What are a junior engineer's duties?": career path and responsibilities nearly tied.
        var careerPath = new Topic("career_path");
        var responsibilities = new Topic("responsibilities");
        Passage[] passages =
        [
            Passage("progression", "Junior to principal", "Junior engineers take on more duties as they progress.", careerPath),
            Passage("duties-by-level", "Duties by level", "Junior engineers have these duties: cleaning data and testing models.", responsibilities, careerPath),
            Passage("duties", "Duties", "Engineers have many duties.", responsibilities),
        ];
        var terms = Terms("junior", "duties");

        var winnerAlone = Retriever(passages).Retrieve(RetrievalQuery.For(terms, careerPath), 3);
        var shared = Retriever(passages).Retrieve(
            RetrievalQuery.For(terms, careerPath) with { TopicShares = [new(careerPath, 0.52), new(responsibilities, 0.48)] }, 3);

        Assert.Equal("g#progression", winnerAlone[0].Passage.Id);
        Assert.Equal("g#duties-by-level", shared[0].Passage.Id);
    }

    [Fact]
    public void Retrieve_OneAlternateQuestionStatesTheQuestion_OutranksTheSameWordsSpreadOverABody()
    {
        // "what is the hard part of the job?": the day's passage says "hard", "part" and "job" over
        // and over, which BM25 likes; the challenges passage has one alternate question that asks it.
        Passage[] passages =
        [
            Passage("day", "A typical day", "A hard part, a job part: meetings are the hard part of the job, code the easy part of the job."),
            Passage("challenges", "Challenges", "Messy data and fast change make the work demanding.") with
            {
                AlternateQuestions =
                [
                    "what is the hard part of the job", "what are the downsides", "which problems come up most often",
                    "what makes the work stressful", "is the work tiring", "what goes wrong in production",
                ],
            },
        ];
        var query = RetrievalQuery.For(Terms("hard", "part", "job"));

        var without = Retriever(passages, new RetrievalOptions { AlternateBoost = 0 }).Retrieve(query, 2);
        var with = Retriever(passages, new RetrievalOptions { AlternateBoost = 2 }).Retrieve(query, 2);

        Assert.Equal("g#day", without[0].Passage.Id);
        Assert.Equal("g#challenges", with[0].Passage.Id);
    }

    [Fact]
    public void StemWeights_FramingWordsAndContextTerms_WeighLess()
    {
        var options = new RetrievalOptions();
        var query = new RetrievalQuery(Terms("kind", "projects"), Terms("salary"), null, new HashSet<string>());

        var weights = Retriever(options).StemWeights(query);

        Assert.Equal(options.FramingWordWeight, weights["kind"]);
        Assert.Equal(1.0, weights["project"]);
        Assert.Equal(options.ContextTermWeight, weights["salari"]);
    }

    /// <summary>
    /// "Im a physics PhD leaving academia, 29, ... what gaps would an employer see?" (a newcomer's
    /// question) was declined: "29", in no passage, weighed as much as "numpy" or "production", and
    /// the skills passage that answers covered a third of the question. An age, a count or an amount
    /// in thousands says who asks, not what about; a year names a subject ("a good career in 2026").
    /// </summary>
    [Theory]
    [InlineData("29", true)]
    [InlineData("10", true)]
    [InlineData("11th", true)] // "in 11th grade", "my 2nd year": an ordinal says who asks too
    [InlineData("2nd", true)]
    [InlineData("2026", false)]
    [InlineData("120k", true)]  // an amount the asker weighs ("is 80k good for a junior" was declined naming it)
    [InlineData("1200k", false)]
    [InlineData("2000th", false)]
    [InlineData("th", false)]
    public void StemWeights_ASmallBareNumber_OnlyFramesTheQuestion(string number, bool frames)
    {
        var options = new RetrievalOptions();
        var query = new RetrievalQuery(Terms(number, "projects"), [], null, new HashSet<string>());

        var weights = Retriever(options).StemWeights(query);

        Assert.Equal(frames ? options.FramingWordWeight : 1.0, weights[number]);
    }

    public void Dispose()
    {
        foreach (var index in _indexes)
        {
            index.Dispose();
        }

        _analyzer.Dispose();
    }

    /// <summary>The analysed (stemmed) terms of the words, as a question's analysis gives them.</summary>
    private static string[] Terms(params string[] words) => words.Select(KnowledgeAnalyzer.StemOf).ToArray();

    private PassageRetriever Retriever(RetrievalOptions? options = null) => Retriever(Passages, options);

    private PassageRetriever Retriever(Passage[] passages, RetrievalOptions? options = null)
    {
        options ??= new RetrievalOptions();
        var folder = Path.Combine(Path.GetTempPath(), $"careerbot-retriever-{Guid.NewGuid():N}");
        try
        {
            PassageIndex.Build(folder, passages, _analyzer, "test");
            var index = PassageIndex.Open(folder, options.FieldWeights);
            _indexes.Add(index);
            return new PassageRetriever(index, options, _analyzer.Tokens);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Passage Passage(string id, string heading, string text, params Topic[] topics) =>
        new($"g#{id}", "g", "G", "S", new DateOnly(2026, 1, 1), heading, heading, text, topics, false);
}
