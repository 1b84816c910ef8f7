using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Guides;
using CareerBot.Knowledge.Intents;
using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Tests.Search;

public sealed class PassageIndexTests : IDisposable
{
    private readonly TempKnowledgeBase _kb = new();

    public void Dispose() => _kb.Dispose();

    [Theory]
    [InlineData("\"salary")]
    [InlineData("salary*")]
    [InlineData("salary? level~2")]
    [InlineData("salary^10 junior^")]
    [InlineData("heading:salary")]
    [InlineData("salary\\ level\\")]
    [InlineData("salary AND NOT junior OR")]
    [InlineData("salary\" OR \"x")]
    [InlineData("{heading body}: salary [a TO z] (+salary -level)")]
    [InlineData("NEAR(salary junior, 2)")]
    public void Search_QuerySyntaxInUserText_IsInertAndMatchesTheWords(string userText)
    {
        using var knowledge = _kb.Load();
        var terms = knowledge.QueryAnalyzer.Tokens(userText);

        var hits = knowledge.Index.Search(terms, 5);

        Assert.Contains(hits, h => knowledge.Passages[h.Ordinal].Id == "guide-a#salary-by-level");
    }

    [Fact]
    public void Search_HeadingWords_OutrankBodyWords()
    {
        using var knowledge = _kb.Load();

        var hits = knowledge.Index.Search(["skill"], 5);

        Assert.Equal("guide-a#skills", knowledge.Passages[hits[0].Ordinal].Id);
    }

    [Fact]
    public void Search_NoTermsOrUnknownTerms_FindsNothing()
    {
        using var knowledge = _kb.Load();

        Assert.Empty(knowledge.Index.Search([], 5));
        Assert.Empty(knowledge.Index.Search(["zzzz", ""], 5));
    }

    [Fact]
    public void Search_TenThousandDistinctTerms_StaysUnderTheClauseLimit()
    {
        using var knowledge = _kb.Load();
        var terms = Enumerable.Range(0, 10_000).Select(i => $"w{i}").Append("salari").ToArray();

        var hits = knowledge.Index.Search(terms, 5);

        // Only the first 64 distinct terms are sent; "salari" is not among them.
        Assert.Empty(hits);
        Assert.NotEmpty(knowledge.Index.Search(["salari", .. terms], 5));
    }

    [Fact]
    public void Vocabulary_ComesFromTheTermDictionary_WithDocumentCounts()
    {
        using var knowledge = _kb.Load();

        Assert.Equal(2, knowledge.Index.Vocabulary["phd"]);
        Assert.True(knowledge.Index.Vocabulary.ContainsKey("python"));
        Assert.False(knowledge.Index.Vocabulary.ContainsKey("salari")); // plain words, not stems
    }

    [Fact]
    public void BuildAndOpen_SmallFixture_ReadsEveryFieldBackAndSearchesAlternateQuestions()
    {
        var folder = Path.Combine(_kb.Root, "fixture-index");
        var passage = new Passage("g#pay", "g", "Guide G", "\"G\" (a site)", new DateOnly(2026, 2, 3), "Pay by level", "Money > Pay by level",
            "Juniors earn less than seniors.", [new Topic("salary"), new Topic("career_path")], IsQuestion: false)
        {
            AlternateQuestions = ["What is the compensation ladder?"],
            LeadLength = 7,
        };
        var other = new Passage("g#hours", "g", "Guide G", "\"G\" (a site)", new DateOnly(2026, 2, 3), "How long is a workday?", "FAQ > How long is a workday?",
            "About eight hours.", [new Topic("responsibilities")], IsQuestion: true);
        using (var analyzer = new KnowledgeAnalyzer(SynonymRules.Empty))
        {
            PassageIndex.Build(folder, [passage, other], analyzer, "hash-1");
        }

        using var index = PassageIndex.Open(folder, new RetrievalOptions().FieldWeights);

        Assert.Equal("hash-1", index.ContentHash);
        Assert.Equal(2, index.DocumentCount);
        var read = index.Passages[0];
        Assert.Equal(
            (passage.Id, passage.GuideId, passage.GuideTitle, passage.Source, passage.Updated, passage.Heading, passage.SectionPath, passage.Text, passage.IsQuestion),
            (read.Id, read.GuideId, read.GuideTitle, read.Source, read.Updated, read.Heading, read.SectionPath, read.Text, read.IsQuestion));
        Assert.Equal(["salary", "career_path"], read.Topics.Select(t => t.Name));
        Assert.Equal(["What is the compensation ladder?"], read.AlternateQuestions);
        Assert.Equal((7, 0), (read.LeadLength, index.Passages[1].LeadLength));
        Assert.True(index.Passages[1].IsQuestion);
        Assert.Equal([0], index.Search(["ladder"], 5).Select(h => h.Ordinal));
        Assert.Equal([1], index.Search(["workdai"], 5).Select(h => h.Ordinal));
        Assert.Equal(1, index.DocumentFrequency("ladder"));
        Assert.Equal(0, index.DocumentFrequency("money")); // a guide title and the section path above are searched, the catch-all holds the rest
    }

    [Fact]
    public void Open_ThenRebuilt_OpenIndexKeepsAnsweringFromItsOwnCopy()
    {
        var options = _kb.Options();
        using var first = new KnowledgeLoader(options).Load();
        File.AppendAllText(Path.Combine(_kb.GuidesPath, "guide-b.md"), "\n## Industries\n<!-- topics: job_market -->\nBanks and hospitals hire engineers.\n");

        using var second = new KnowledgeLoader(options).Load();

        Assert.Equal(7, first.Index.Search(["salari", "skill", "phd", "remot", "scientist", "deploi"], 10).Count);
        Assert.Equal(8, second.Passages.Count);
        Assert.Single(second.Index.Search(["bank"], 5));
        Assert.Empty(first.Index.Search(["bank"], 5));
    }

    [Fact]
    public void Load_CorruptIndex_IsRebuilt()
    {
        var options = _kb.Options();
        new KnowledgeLoader(options).Load().Dispose();
        foreach (var file in Directory.EnumerateFiles(options.IndexPath))
        {
            File.WriteAllText(file, "this is not an index");
        }

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
    public void Load_IndexOfOtherPassagesFromTheSameFiles_IsRebuilt()
    {
        // An index a loader of another version wrote from the same files: a714218 left out a doubled
        // heading line, and until the analysis version was bumped by hand, the old text kept being quoted.
        var options = _kb.Options();
        var loader = new KnowledgeLoader(options);
        Passage[] current;
        using (var first = loader.Load())
        {
            current = [.. first.Passages];
        }

        var older = current.Select(p => p with { Text = "Heading line:\n" + p.Text }).ToArray();
        using (var analyzer = new KnowledgeAnalyzer(SynonymRules.Load(options.SynonymsPath)))
        {
            PassageIndex.Build(options.IndexPath, older, analyzer, loader.IndexHash(older));
        }

        using var second = loader.Load();

        Assert.Equal(current.Select(p => p.Text), second.Passages.Select(p => p.Text));
        Assert.Equal(loader.IndexHash(current), second.ContentHash);
    }

    [Fact]
    public void IndexHash_SamePassages_IsTheSame_AndAnyFieldChangesIt()
    {
        var loader = new KnowledgeLoader(_kb.Options());
        Passage[] passages;
        using (var knowledge = loader.Load())
        {
            passages = [.. knowledge.Passages];
        }

        var hash = loader.IndexHash(passages);

        Assert.Equal(hash, loader.IndexHash([.. passages]));
        Assert.NotEqual(hash, loader.IndexHash([passages[0] with { Heading = passages[0].Heading + "s" }, .. passages[1..]]));
        Assert.NotEqual(hash, loader.IndexHash([passages[0] with { AlternateQuestions = ["is this asked another way"] }, .. passages[1..]]));
        Assert.NotEqual(hash, loader.IndexHash([.. passages.Reverse()]));
    }

    [Fact]
    public void Open_MissingOrEmptyFolder_ThrowsIndexUnavailable()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_kb.Root, "empty-index")).FullName;

        Assert.Throws<IndexUnavailableException>(() => PassageIndex.Open(Path.Combine(_kb.Root, "nope"), new RetrievalOptions().FieldWeights));
        Assert.Throws<IndexUnavailableException>(() => PassageIndex.Open(empty, new RetrievalOptions().FieldWeights));
    }
}
