using CareerBot.Knowledge.Evaluation;
using CareerBot.Knowledge.Search;
using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Tests.Search;

public sealed class MemoryPassageSearchTests
{
    [Fact]
    public void Search_EveryEvaluationQuestion_RanksAsFts5Does()
    {
        var knowledge = RepositoryKnowledgeBase.Snapshot;
        var options = RepositoryKnowledgeBase.Options();
        var questions = QuestionSetLoader.Load(Path.Combine(Path.GetDirectoryName(options.BasePath)!, "tests", "Knowledge.Tests", "Evaluation", "questions.yaml"));
        var compared = 0;

        foreach (var question in questions)
        {
            var terms = knowledge.Analyzer.Analyze(question.Text, knowledge.Corrector);
            var fts5 = knowledge.Search.Search(terms, 40);
            var memory = knowledge.QuerySearch.Search(terms, 40);

            Assert.Equal(fts5.Count, memory.Count);
            for (var i = 0; i < fts5.Count; i++)
            {
                Assert.True(Math.Abs(fts5[i].Score - memory[i].Score) <= 1e-6 * Math.Max(1, Math.Abs(fts5[i].Score)), $"'{question.Text}' rank {i}: FTS5 {fts5[i]} vs memory {memory[i]}");
                if (i + 1 < fts5.Count && Math.Abs(fts5[i].Score - fts5[i + 1].Score) > 1e-9 && (i == 0 || Math.Abs(fts5[i].Score - fts5[i - 1].Score) > 1e-9))
                {
                    Assert.Equal(fts5[i].Ordinal, memory[i].Ordinal); // untied ranks name the same passage
                }
            }

            compared += fts5.Count;
        }

        Assert.True(compared > 1000);
    }

    [Fact]
    public void Search_FtsSyntaxAndPhrases_AreWordsAndPhrasesOnly()
    {
        var passages = new[]
        {
            Passage("a", "Pay", "The median pay is 3.5 times the entry level."),
            Passage("b", "Languages", "Python and C++ are common; SQL too."),
            Passage("c", "Other", "Nothing about 5 or 3 here."),
        };
        var search = new MemoryPassageSearch(passages, new TextAnalyzer(SynonymMap.Empty), new Dictionary<string, int>(), 6, 1);

        Assert.Equal([0], search.Search(["3.5"], 10).Select(h => h.Ordinal));
        Assert.Equal([1], search.Search(["c++"], 10).Select(h => h.Ordinal));
        Assert.Empty(search.Search(["NEAR(", "\"", "*"], 10));
        Assert.Equal([0, 1], search.Search(["pay", "python"], 10).Select(h => h.Ordinal).Order());
        Assert.Single(search.Search(["pay", "python"], 1));
    }

    [Fact]
    public void Search_MoreMatchesThanTheLimit_KeepsTheBestThenLowestOrdinals()
    {
        // Ten passages tie on "pay"; "bonus" lifts two of them. FTS5 breaks ties by rowid.
        var passages = Enumerable.Range(0, 10)
            .Select(i => Passage($"p{i}", "Pay", i is 4 or 7 ? "Pay and bonus." : "Pay and leave."))
            .ToArray();
        var search = new MemoryPassageSearch(passages, new TextAnalyzer(SynonymMap.Empty), new Dictionary<string, int>(), 6, 1);

        Assert.Equal([4, 7, 0, 1], search.Search(["pay", "bonus"], 4).Select(h => h.Ordinal));
        Assert.Equal([0, 1, 2], search.Search(["pay"], 3).Select(h => h.Ordinal));
    }

    private static CareerBot.Knowledge.Guides.Passage Passage(string id, string heading, string text) =>
        new($"g#{id}", "g", "G", "S", new DateOnly(2026, 1, 1), heading, heading, text, [], false);
}
