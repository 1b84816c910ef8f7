using System.Text;
using CareerBot.Knowledge.Analysis;

namespace CareerBot.Knowledge.Tests.Analysis;

public sealed class WordListTests
{
    [Theory]
    [InlineData("visa")]
    [InlineData("impossible")]
    [InlineData("calories")]
    [InlineData("stuck")]
    [InlineData("whats")]
    [InlineData("aardvark")]
    public void English_HoldsCorrectlySpelledWords(string word)
    {
        Assert.True(WordList.English.Contains(word));
    }

    [Theory]
    [InlineData("sallary")]
    [InlineData("enginering")]
    [InlineData("certifcations")]
    [InlineData("carreer")]
    [InlineData("Visa")]
    [InlineData("")]
    public void English_LacksMisspellingsAndAnythingNotLowerCase(string word)
    {
        Assert.False(WordList.English.Contains(word));
    }

    [Fact]
    public void English_IsTheEmbeddedListWhole()
    {
        // The resource is embedded and read past its comment header: every one of its words is found.
        Assert.Equal(64_604, WordList.English.Count);
    }

    [Fact]
    public void Parse_SkipsCommentsAndBlankLines_AndFindsEveryWordButNoOther()
    {
        var list = WordList.Parse(Encoding.ASCII.GetBytes("# a header\r\n\nable\r\nabout\nzebra\n"));

        Assert.Equal(3, list.Count);
        Assert.True(list.Contains("able"));
        Assert.True(list.Contains("about"));
        Assert.True(list.Contains("zebra"));
        Assert.False(list.Contains("abl"));
        Assert.False(list.Contains("ables"));
        Assert.False(list.Contains("zebras"));
        Assert.False(list.Contains("aaa"));
    }

    [Theory]
    [InlineData("able\nAbout\n", "Line 2: \"About\" is not a lower-case ASCII word.")]
    [InlineData("# header\nable\ncafé\n", "Line 3: \"café\" is not a lower-case ASCII word.")]
    [InlineData("able\nzebra\nabout\n", "Line 3: \"about\" is not after \"zebra\" in byte order.")]
    [InlineData("able\nable\n", "Line 2: \"able\" is not after \"able\" in byte order.")]
    public void Parse_AWordOutOfPlace_IsAnErrorNamingItsLine(string text, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => WordList.Parse(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Empty_HoldsNothing()
    {
        Assert.Equal(0, WordList.Empty.Count);
        Assert.False(WordList.Empty.Contains("visa"));
    }
}
