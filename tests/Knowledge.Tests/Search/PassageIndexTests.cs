using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Tests.Search;

public sealed class PassageIndexTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new();

    public void Dispose() => _kb.Dispose();

    [Theory]
    [InlineData("\"salary")]
    [InlineData("salary*")]
    [InlineData("NEAR(salary junior, 2)")]
    [InlineData("-salary")]
    [InlineData("^salary")]
    [InlineData("title:salary")]
    [InlineData("salary AND NOT junior OR")]
    [InlineData("salary\" OR \"x")]
    [InlineData("{title body}: salary")]
    public void Search_Fts5SyntaxInUserText_IsInertAndMatchesTheWords(string userText)
    {
        using var knowledge = _kb.Load();
        var terms = knowledge.Analyzer.Analyze(userText);

        var hits = knowledge.Search.Search(terms, 5);

        Assert.Contains(hits, h => knowledge.Passages[h.Ordinal].Id == "guide-a#salary-by-level");
    }

    [Fact]
    public void Search_RawFts5Operators_AreQuotedAsTerms()
    {
        Assert.Equal("\"NEAR(\" OR \"a\"\"b\" OR \"*\"", FtsQuery.AnyOf(["NEAR(", "a\"b", "*", "a\"b"]));
    }

    [Fact]
    public void Search_HeadingWords_OutrankBodyWords()
    {
        using var knowledge = _kb.Load();

        var hits = knowledge.Search.Search(["skills"], 5);

        Assert.Equal("guide-a#skills", knowledge.Passages[hits[0].Ordinal].Id);
    }

    [Fact]
    public void Vocabulary_ComesFromFts5Vocab_WithDocumentCounts()
    {
        using var knowledge = _kb.Load();

        Assert.Equal(2, knowledge.Search.Vocabulary["phd"]);
        Assert.True(knowledge.Search.Vocabulary.ContainsKey("python"));
    }

    [Fact]
    public void Load_CorruptIndex_IsRebuilt()
    {
        var options = _kb.Options();
        new KnowledgeLoader(options).Load().Dispose();
        File.WriteAllText(options.IndexPath, "this is not a database");

        using var knowledge = new KnowledgeLoader(options).Load();

        Assert.Equal(7, knowledge.Passages.Count);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public void Load_CorruptModel_IsRetrained(string damage)
    {
        var options = _kb.Options();
        new KnowledgeLoader(options).Load().Dispose();
        var bytes = File.ReadAllBytes(options.ModelPath);
        File.WriteAllBytes(options.ModelPath, damage == "garbage" ? System.Text.Encoding.UTF8.GetBytes("this is not a model") : bytes[..(bytes.Length / 2)]);

        using var knowledge = new KnowledgeLoader(options).Load();

        Assert.Equal("education", knowledge.Model.Classify("Do I need a PhD?").Intent.Name);
        Assert.Equal(bytes.Length, new FileInfo(options.ModelPath).Length);
    }

    [Fact]
    public void Load_GuideChanged_RebuildsIndexByContentHash()
    {
        var options = _kb.Options();
        string before;
        using (var first = new KnowledgeLoader(options).Load())
        {
            before = first.ContentHash;
        }

        File.AppendAllText(Path.Combine(_kb.GuidesPath, "guide-b.md"), "\n## Industries\n<!-- topics: job_market -->\nBanks and hospitals hire engineers.\n");

        using var second = new KnowledgeLoader(options).Load();

        Assert.NotEqual(before, second.ContentHash);
        Assert.Contains(second.Passages, p => p.Id == "guide-b#industries");
    }

    [Fact]
    public void Open_MissingFile_ThrowsIndexUnavailable()
    {
        Assert.Throws<IndexUnavailableException>(() => PassageIndex.Open(Path.Combine(_kb.Root, "nope.db")));
    }
}
