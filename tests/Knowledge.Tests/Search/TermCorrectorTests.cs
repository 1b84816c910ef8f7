using CareerBot.Knowledge.Search;

namespace CareerBot.Knowledge.Tests.Search;

public sealed class TermCorrectorTests
{
    private static readonly TermCorrector Corrector = new(
        new Dictionary<string, int> { ["salary"] = 12, ["sale"] = 1, ["python"] = 4, ["engineering"] = 7, ["engineer"] = 20, ["degree"] = 5 },
        ["phd"]);

    [Theory]
    [InlineData("sallary", "salary")]
    [InlineData("salery", "salary")]
    [InlineData("pyhton", "python")]
    [InlineData("enginering", "engineering")]
    [InlineData("degre", "degree")]
    [InlineData("salary", "salary")]
    [InlineData("phd", "phd")]
    [InlineData("cat", "cat")]
    [InlineData("weather", "weather")]
    [InlineData("2024", "2024")]
    public void Correct_Token_GivesClosestKnownWord(string token, string expected)
    {
        Assert.Equal(expected, Corrector.Correct(token));
    }
}
