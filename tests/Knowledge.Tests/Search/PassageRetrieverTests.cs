using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Tests.Search;

public sealed class PassageRetrieverTests
{
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
        var ranked = Retriever().Retrieve(RetrievalQuery.For(["engineer", "deploy", "models"]), 3);

        Assert.Equal("g#deployment", ranked[0].Passage.Id);
        Assert.Equal(1.0, ranked[0].Coverage, 6);
    }

    [Fact]
    public void Retrieve_FramingWord_CountsForLittle()
    {
        var ranked = Retriever().Retrieve(RetrievalQuery.For(["exactly", "engineer", "builds"]), 3);

        Assert.Equal("g#role", ranked[0].Passage.Id);
    }

    [Fact]
    public void Retrieve_FollowUp_CandidatesComeFromTheNewWords()
    {
        // "what about a developer?" after a question on engineers and scientists.
        var query = new RetrievalQuery(["developer"], ["engineer", "scientist"], null, new HashSet<string>());

        var ranked = Retriever().Retrieve(query, 3);

        Assert.Equal("g#developer", ranked[0].Passage.Id);
        Assert.DoesNotContain(ranked, r => r.Passage.Id == "g#scientist");
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
        var terms = new[] { "junior", "duties" };

        var winnerAlone = Retriever(passages).Retrieve(RetrievalQuery.For(terms, careerPath), 3);
        var shared = Retriever(passages).Retrieve(
            RetrievalQuery.For(terms, careerPath) with { TopicShares = [new(careerPath, 0.52), new(responsibilities, 0.48)] }, 3);

        Assert.Equal("g#progression", winnerAlone[0].Passage.Id);
        Assert.Equal("g#duties-by-level", shared[0].Passage.Id);
    }

    [Fact]
    public void StemWeights_FramingWordsAndContextTerms_WeighLess()
    {
        var options = new RetrievalOptions();
        var query = new RetrievalQuery(["kind", "projects"], ["salary"], null, new HashSet<string>());

        var weights = Retriever(options).StemWeights(query);

        Assert.Equal(options.FramingWordWeight, weights["kind"]);
        Assert.Equal(1.0, weights["project"]);
        Assert.Equal(options.ContextTermWeight, weights["salari"]);
    }

    private static PassageRetriever Retriever(RetrievalOptions? options = null) => Retriever(Passages, options);

    private static PassageRetriever Retriever(Passage[] passages, RetrievalOptions? options = null)
    {
        options ??= new RetrievalOptions();
        var analyzer = new TextAnalyzer(SynonymMap.Empty);
        var search = new MemoryPassageSearch(passages, analyzer, new Dictionary<string, int>(), options.TitleWeight, options.BodyWeight);
        return new PassageRetriever(search, passages, analyzer, options);
    }

    private static Passage Passage(string id, string heading, string text, params Topic[] topics) =>
        new($"g#{id}", "g", "G", "S", new DateOnly(2026, 1, 1), heading, heading, text, topics, false);
}
