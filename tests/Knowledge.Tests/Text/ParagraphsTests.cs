using CareerBot.Knowledge.Text;

namespace CareerBot.Knowledge.Tests.Text;

public sealed class ParagraphsTests
{
    [Fact]
    public void Of_NonBlankLinesTrimmed_GroupedBetweenBlankLines() =>
        Assert.Equal([["a", "b"], ["c"]], Paragraphs.Of("\n a \r\nb\n  \n\nc\n"));

    [Fact]
    public void Of_NothingButBlankLines_GivesNone() => Assert.Empty(Paragraphs.Of(" \n\n"));
}
