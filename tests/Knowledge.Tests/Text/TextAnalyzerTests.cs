using CareerBot.Knowledge.Search;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Tests.Text;

public sealed class TextAnalyzerTests
{
    private static readonly SynonymMap Synonyms = SynonymLoader.Parse(
    [
        "# groups",
        "machine learning engineer, mle, ml engineer",
        "machine learning, ml",
        "salary, pay, compensation, earn",
        "phd, doctorate, ph.d",
    ]);

    [Fact]
    public void Analyze_SynonymsAndStopWords_RewritesToCanonicalTermsWithoutStopWords()
    {
        var analyzer = new TextAnalyzer(Synonyms);

        Assert.Equal(["salary", "machine", "learning", "engineer"], analyzer.Analyze("How much pay does an MLE get?"));
        Assert.Equal(["machine", "learning", "engineer", "phd"], analyzer.Analyze("ML engineer with a Ph.D."));
        Assert.Equal(["machine", "learning", "salary"], analyzer.Analyze("ml compensation"));
    }

    [Fact]
    public void Analyze_WithCorrector_FixesTyposBeforeSynonyms()
    {
        var analyzer = new TextAnalyzer(Synonyms);
        var corrector = new TermCorrector(new Dictionary<string, int> { ["salary"] = 5, ["python"] = 3, ["engineer"] = 9 }, Synonyms.Tokens);

        Assert.Equal(["salary", "python", "engineer"], analyzer.Analyze("sallary pyhton enigneer", corrector));
        Assert.Equal(["phd"], analyzer.Analyze("doctorat", corrector));
    }

    [Fact]
    public void Parse_TermInTwoGroups_ReportsTheLine()
    {
        var ex = Assert.Throws<KnowledgeBaseException>(() => SynonymLoader.Parse(["salary, pay", "wage, pay"], "synonyms.txt"));

        Assert.Equal("synonyms.txt:2: 'pay' is already in the group on line 1", ex.Message);
    }
}
