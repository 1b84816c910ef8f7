using CareerBot.Knowledge.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.TokenAttributes;

namespace CareerBot.Knowledge.Tests.Analysis;

public sealed class KnowledgeAnalyzerTests : IDisposable
{
    private readonly KnowledgeAnalyzer _analyzer = new(SynonymRules.Parse(
    [
        "# groups",
        "machine learning engineer, mle, mles, ml engineer, ml engineers",
        "machine learning, ml",
        "salary, pay, compensation, earn",
        "phd, doctorate, ph d",
        "c++, cpp",
        "take care of yourself, toy",
        "goodbye, bye",
        "make, makes -> salary before <end>, <number>, per, the most",
        "take care -> goodbye before <end>, and",
    ]));

    [Theory]
    [InlineData("How much pay does an MLE get?", new[] { "salari", "machin", "learn", "engin" })]
    [InlineData("ML engineer with a Ph.D.", new[] { "machin", "learn", "engin", "phd" })]
    [InlineData("ml compensation", new[] { "machin", "learn", "salari" })]
    [InlineData("The engineer's portfolio", new[] { "engin", "portfolio" })]
    [InlineData("the engineer\u2019s portfolio", new[] { "engin", "portfolio" })]
    [InlineData("C++, C# and Python", new[] { "cpp", "csharp", "python" })]
    [InlineData("Café résumé", new[] { "cafe", "resum" })]
    [InlineData("Deploying models to production", new[] { "deploi", "model", "product" })]
    public void Tokens_TypicalText_ReturnsExactTerms(string text, string[] expected)
    {
        Assert.Equal(expected, _analyzer.Tokens(text));
    }

    [Fact]
    public void IntentTerms_Question_KeepsStopWordsAndStillReadsSynonymsAndStems()
    {
        Assert.Equal(["how", "much", "salari", "should", "i", "ask", "for"], _analyzer.IntentTerms("How much pay should I ask for?"));
        Assert.Equal(["salari", "ask"], _analyzer.Tokens("How much pay should I ask for?"));
    }

    [Theory]
    [InlineData("junior to senior ml engineer how long", "junior to senior machine learning engineer how long")]
    [InlineData("ml engineering jobs", "machine learning engineering jobs")]
    [InlineData("can mles make 300k", "can machine learning engineer salary 300k")]
    [InlineData("I'd like more pay, please", "i'd like more salary please")]
    public void IntentWords_LongerSynonym_KeepsReadingOrderAndStopWordsUnstemmed(string text, string expected)
    {
        // Lucene 4.8's SynonymFilter alone stacks a longer phrase's extra words behind the next word
        // ("machine learning how engineer long"); the classifier's word n-grams need them in order.
        Assert.Equal(expected, string.Join(' ', _analyzer.IntentWords(text)));
        Assert.Equal("junior to senior machin learn engin how long", string.Join(' ', _analyzer.IntentTerms("junior to senior ml engineer how long")));
    }

    [Theory]
    [InlineData("C++ c++C# f#x F#\u2019s \u2019 c+ +c# cc++ C#+ ++#")]
    [InlineData("the engineer\u2019s C# and F# skills, how much do ml engineers make")]
    [InlineData("Node.js and Ph.D. c++: what makes ml engineering hard")]
    public void MapLanguageNames_AnyText_SameTextAsLucenesMappingCharFilter(string text)
    {
        // The analyzer maps language names on the string, not with a char filter per text (each
        // buffers 8,192 characters); the result must be what the char filter would read.
        var builder = new NormalizeCharMap.Builder();
        foreach (var (written, read) in KnowledgeAnalyzer.LanguageNameMappings)
        {
            builder.Add(written, read);
        }

        using var filter = new MappingCharFilter(builder.Build(), new StringReader(text));
        var filtered = new System.Text.StringBuilder();
        for (var c = filter.Read(); c >= 0; c = filter.Read())
        {
            filtered.Append((char)c);
        }

        Assert.Equal(filtered.ToString(), KnowledgeAnalyzer.MapLanguageNames(text));
    }

    [Fact]
    public void MapLanguageNames_EveryEntryAndItsNeighbours_RewrittenLeftToRight()
    {
        Assert.Equal("cpp cppcsharp fsharpx fsharp's ' c+ +csharp ccpp csharp+ ++#", KnowledgeAnalyzer.MapLanguageNames("C++ c++C# f#x F#\u2019s \u2019 c+ +c# cc++ C#+ ++#"));
        Assert.Equal(["cpp", "csharp", "fsharp", "engin"], _analyzer.Tokens("C++, C#, F# engineer\u2019s"));
    }

    [Theory]
    [InlineData("how much do ml engineers make", "machin learn salari engin")]
    [InlineData("can mles make 300k", "machin salari learn 300k engin")]
    [InlineData("what do they make per year", "salari per year")]
    [InlineData("who makes the most", "salari")]
    [InlineData("what makes ml engineering hard", "make machin engin learn hard")]
    [InlineData("does a phd make sense", "phd make sens")]
    [InlineData("ok take care", "ok goodby")]
    [InlineData("take care and thanks", "goodby thank")]
    [InlineData("who takes care of the data", "take care data")]
    [InlineData("take care of yourself", "take care yourself")]
    public void Tokens_ConditionalSynonym_IsReadOnlyBeforeItsContexts(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', _analyzer.Tokens(text)));
    }

    [Fact]
    public void Tokens_MultiWordSynonyms_EmitEveryCanonicalWordStackedOnTheFollowingPositions()
    {
        // One word in, three out ("mle"): the extra words come after the words they are stacked on.
        Assert.Equal(["machin", "learn", "phd", "engin", "salari"], _analyzer.Tokens("mle ph d pay"));
        Assert.Equal(["machin", "learn", "engin"], _analyzer.Tokens("Do MLEs?"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("what is it that you do?")]
    [InlineData("the and of to a")]
    [InlineData("?!.,;:-- ... !!!")]
    public void Tokens_StopWordsOrPunctuationOnly_ReturnsNoTerms(string text)
    {
        Assert.Empty(_analyzer.Tokens(text));
    }

    [Theory]
    [InlineData("salary* pay? engineer~ phd^2 title:python \"c++\" back\\slash", new[] { "salari", "salari", "engin", "phd", "2", "titl", "python", "cpp", "back", "slash" })]
    [InlineData("python AND salary OR phd NOT remote", new[] { "python", "salari", "phd", "remot" })]
    [InlineData("(+python -java) [1 TO 5] {a} && || !", new[] { "python", "java", "1", "5" })]
    public void Tokens_QuerySyntaxCharacters_AreOnlyWordBreaks(string text, string[] expected)
    {
        Assert.Equal(expected, _analyzer.Tokens(text));
    }

    [Fact]
    public void Tokens_TenThousandCharacters_ReadsOnlyTheFirstFourThousand()
    {
        var text = string.Concat(Enumerable.Repeat("python ", 1_430)); // 10,010 characters

        var tokens = _analyzer.Tokens(text);

        // 585 whole "python "s fill 4,095 characters; the 4,096th is the "p" of the next.
        Assert.Equal(586, tokens.Count);
        Assert.Equal("python", tokens[0]);
        Assert.Equal("p", tokens[^1]);
    }

    [Fact]
    public void Tokens_WordLongerThanForty_IsSkipped()
    {
        Assert.Equal(["phd", "ok"], _analyzer.Tokens("phd " + new string('x', 41) + " ok"));
    }

    [Fact]
    public void Tokens_ControlAndLoneSurrogateCharacters_DoNotThrow()
    {
        // The tokenizer keeps a format character inside its word and breaks at the NUL and the lone surrogate.
        Assert.Equal(["sal\u202Eari", "x", "salari"], _analyzer.Tokens("sal\u202Eary\u0000x \uD800 pay"));
    }

    [Fact]
    public void Words_Text_KeepsStopWordsAndSurfaceFormsWithoutSynonyms()
    {
        Assert.Equal(["how", "much", "does", "an", "mle", "make", "in", "the", "us"], _analyzer.Words("How much does an MLE make in the US?"));
    }

    [Fact]
    public void Tokens_WithCorrector_FixesTyposBeforeSynonyms()
    {
        using var analyzer = _analyzer.WithCorrector(new FixedCorrector(new Dictionary<string, string> { ["sallary"] = "salary", ["doctorat"] = "doctorate", ["the"] = "thee" }));

        // A stop word is never corrected, so "the" is dropped, not read as "thee".
        Assert.Equal(["salari", "phd"], analyzer.Tokens("sallary doctorat the"));
    }

    [Fact]
    public void GetTokenStream_Passage_HasPositionsAfterStopWords()
    {
        using var stream = _analyzer.GetTokenStream("body", "the salary of an engineer");
        var term = stream.AddAttribute<ICharTermAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        var seen = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            seen.Add($"{term}+{position.PositionIncrement}");
        }

        stream.End();
        Assert.Equal(["salari+2", "engin+3"], seen);
    }

    public void Dispose() => _analyzer.Dispose();

    private sealed class FixedCorrector(Dictionary<string, string> fixes) : ITermCorrector
    {
        public string Correct(string word) => fixes.GetValueOrDefault(word, word);
    }
}
