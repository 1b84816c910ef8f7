using CareerBot.Bot.Rendering;

namespace CareerBot.Bot.Tests.Rendering;

public sealed class EscapingTests
{
    [Theory]
    [InlineData("Pay is high. [1]", "Pay is high. [1]")]
    [InlineData("See (this) [12] and *that*", "See \\(this\\) [12] and \\*that\\*")]
    [InlineData("[123] is no marker, nor is [] or [a]", "\\[123\\] is no marker, nor is \\[\\] or \\[a\\]")]
    [InlineData("[[1]]", "\\[[1]\\]")]
    [InlineData("cut short [1", "cut short \\[1")]
    [InlineData("<b>#1</b> | ~x~ `y` _z_ {w} +!", "\\<b\\>\\#1\\</b\\> \\| \\~x\\~ \\`y\\` \\_z\\_ \\{w\\} \\+\\!")]
    [InlineData("- a list item, with no markup", "- a list item, with no markup")]
    public void MarkdownKeepingMarkers_EscapesMarkupButNotCitationMarkers(string text, string expected) =>
        Assert.Equal(expected, Escaping.MarkdownKeepingMarkers(text));

    [Fact]
    public void Markdown_EscapesMarkersToo()
    {
        Assert.Equal("\\[1\\] \\\\ x", Escaping.Markdown("[1] \\ x"));
    }

    [Fact]
    public void Markdown_NothingToEscape_ReturnsTheSameText()
    {
        var text = "Nothing to escape here.";

        Assert.Same(text, Escaping.Markdown(text));
    }
}
