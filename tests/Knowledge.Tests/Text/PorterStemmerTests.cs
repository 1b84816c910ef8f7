using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Tests.Text;

public sealed class PorterStemmerTests
{
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("engineers", "engin")]
    [InlineData("engineering", "engin")]
    [InlineData("salaries", "salari")]
    [InlineData("salary", "salari")]
    [InlineData("relational", "relat")]
    [InlineData("hopping", "hop")]
    [InlineData("generalization", "gener")]
    [InlineData("running", "run")]
    [InlineData("ml", "ml")]
    [InlineData("c++", "c++")]
    public void Stem_Word_MatchesPorterAlgorithm(string word, string stem)
    {
        Assert.Equal(stem, PorterStemmer.Stem(word));
    }
}
