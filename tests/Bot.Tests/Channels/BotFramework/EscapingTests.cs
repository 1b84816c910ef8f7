using CareerBot.Bot.Channels.BotFramework;

namespace CareerBot.Bot.Tests.Channels.BotFramework;

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
    [InlineData("", "")]
    [InlineData("!", "\\!")]
    [InlineData("*starts and ends with marks*", "\\*starts and ends with marks\\*")]
    [InlineData("a[1][2]b**", "a[1][2]b\\*\\*")]
    [InlineData("[1]", "[1]")]
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

    /// <summary>
    /// What the Teams client (and the Agents Playground, which renders Teams text with CommonMark and
    /// raw HTML) shows as written: no backslash anywhere, paragraphs and list items on lines of their own.
    /// </summary>
    [Theory]
    [InlineData("Hello! I'm CareerBot.", "Hello! I'm CareerBot.")]
    [InlineData("One. [1]\n\nTwo. [2]", "One. [1]<br><br>Two. [2]")]
    [InlineData("Intro:\n- Build projects: 3-5 of them\n- Network [1]", "Intro:<br>\u2022 Build projects: 3-5 of them<br>\u2022 Network [1]")]
    [InlineData("a <b>x</b> & *y* _z_ `c` ~s~ [t](u) #h | \\ [12] [123]", "a &lt;b&gt;x&lt;/b&gt; &amp; &#42;y&#42; &#95;z&#95; &#96;c&#96; &#126;s&#126; &#91;t&#93;(u) &#35;h &#124; &#92; [12] &#91;123&#93;")]
    [InlineData("\n\nleading and trailing blank lines\n\n", "leading and trailing blank lines")]
    public void Teams_WritesMarkupAsCharacterReferencesAndLinesAsBreaks(string text, string expected) =>
        Assert.Equal(expected, Escaping.Teams(text));
}
