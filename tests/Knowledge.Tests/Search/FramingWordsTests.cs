using CareerBot.Knowledge.Analysis;
using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Tests.Search;

public sealed class FramingWordsTests
{
    /// <summary>Words and figures that frame a question, as the analyzer leaves them in a query.</summary>
    [Theory]
    [InlineData("80k")]    // "is 80k good for a junior" was declined naming it
    [InlineData("200k")]
    [InlineData("29")]
    [InlineData("4th")]
    [InlineData("able")]   // "Are you able to export all this as a PDF" named it
    [InlineData("fluff")]
    [InlineData("fad")]
    public void IsFramingTerm_TheAsker_IsTrue(string word) =>
        Assert.True(FramingWords.IsFramingTerm(KnowledgeAnalyzer.StemOf(word)));

    [Theory]
    [InlineData("2026")]   // a year names a subject
    [InlineData("1000k")]
    [InlineData("salary")]
    [InlineData("pdf")]
    public void IsFramingTerm_ASubject_IsFalse(string word) =>
        Assert.False(FramingWords.IsFramingTerm(KnowledgeAnalyzer.StemOf(word)));
}
