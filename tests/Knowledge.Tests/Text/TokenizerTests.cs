using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Tests.Text;

public sealed class TokenizerTests
{
    [Theory]
    [InlineData("Do I need a PhD?", new[] { "do", "i", "need", "a", "phd" })]
    [InlineData("Master's or Ph.D.", new[] { "master", "or", "ph", "d" })]
    [InlineData("$165,000 a year", new[] { "165000", "a", "year" })]
    [InlineData("C++, C# and Python", new[] { "c++", "c#", "and", "python" })]
    [InlineData("entry-level (0-2 years)", new[] { "entry", "level", "0", "2", "years" })]
    [InlineData("Café résumé", new[] { "cafe", "resume" })]
    [InlineData("don't stop", new[] { "dont", "stop" })]
    [InlineData("version 3.5 released", new[] { "version", "3.5", "released" })]
    [InlineData("\"NEAR(a b)\" OR salary* -x ^y title:z", new[] { "near", "a", "b", "or", "salary", "x", "y", "title", "z" })]
    public void Tokenize_Text_ReturnsExactTokens(string text, string[] expected)
    {
        Assert.Equal(expected, Tokenizer.Tokenize(text));
    }

    [Fact]
    public void Tokenize_HugeInput_ReadsOnlyTheFirstFourThousandCharacters()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 10_000));

        var tokens = Tokenizer.Tokenize(text);

        // 819 whole "word "s fill 4,095 characters; the 4,096th is the "w" of the next.
        Assert.Equal(820, tokens.Count);
        Assert.Equal("w", tokens[^1]);
    }

    [Fact]
    public void Tokenize_RunLongerThanAWord_IsDropped()
    {
        Assert.Equal(["phd", "ok"], Tokenizer.Tokenize("phd " + new string('x', 41) + " ok"));
    }

    [Fact]
    public void Tokenize_ControlBidiAndLoneSurrogates_AreSeparators()
    {
        var tokens = Tokenizer.Tokenize("sal\u202Eary\u0000x \uD800 pay");

        Assert.Equal(["sal", "ary", "x", "pay"], tokens);
    }
}
