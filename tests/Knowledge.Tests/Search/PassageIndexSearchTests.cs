using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Evaluation;
using CareerBot.Knowledge.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CareerBot.Knowledge.Tests.Search;

public sealed class PassageIndexSearchTests
{
    /// <summary>
    /// The search Lucene would make of the same terms: one boosted <see cref="TermQuery"/> per
    /// term and field in a <see cref="BooleanQuery"/> without coordination, through the searcher.
    /// </summary>
    private static List<SearchHit> LuceneSearch(PassageIndex index, IReadOnlyList<string> terms, int limit)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Take(PassageIndex.MaxQueryTerms))
        {
            foreach (var (field, boost) in index.SearchedFields)
            {
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
            }
        }

        return query.Clauses.Count == 0
            ? []
            : index.Searcher.Search(query, Math.Min(limit, index.Passages.Count)).ScoreDocs.Select(d => new SearchHit(d.Doc, d.Score)).ToList();
    }

    [Fact]
    public void Search_EveryEvaluationQuestion_SameHitsAndScoresAsLucenesBooleanQuery()
    {
        var knowledge = RepositoryKnowledgeBase.Snapshot;
        var folder = Path.Combine(Path.GetDirectoryName(knowledge.Options.BasePath)!, "tests", "Knowledge.Tests", "Evaluation");
        var questions = new[] { "questions.yaml", "blind.yaml" }
            .SelectMany(set => QuestionSetLoader.Load(Path.Combine(folder, set)))
            .Select(q => q.Text)
            .Append("machine learning engineer salary skills career phd python senior junior")
            .ToList();
        var compared = 0;

        foreach (var text in questions)
        {
            foreach (var terms in new[] { knowledge.QueryAnalyzer.Tokens(text), KnowledgeAnalyzer.WordsOf(text).Select(KnowledgeAnalyzer.StemOf).ToList() })
            {
                foreach (var limit in new[] { 1, 3, 40 })
                {
                    Assert.Equal<SearchHit>(LuceneSearch(knowledge.Index, terms, limit), knowledge.Index.Search(terms, limit));
                    compared++;
                }
            }
        }

        Assert.True(compared > 1000);
    }

    [Fact]
    public void Search_ConcurrentSearches_EachGetsLucenesAnswer()
    {
        var knowledge = RepositoryKnowledgeBase.Snapshot;
        string[][] queries = [["salari", "senior"], ["phd", "requir"], ["python", "skill", "tool"], ["remot", "work"], ["career", "path", "senior"]];
        var expected = queries.Select(q => LuceneSearch(knowledge.Index, q, 40)).ToArray();

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            Assert.Equal<SearchHit>(expected[i % queries.Length], knowledge.Index.Search(queries[i % queries.Length], 40)));
    }
}
