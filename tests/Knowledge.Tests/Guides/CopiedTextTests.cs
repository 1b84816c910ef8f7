using CareerBot.Knowledge.Guides;

namespace CareerBot.Knowledge.Tests.Guides;

public sealed class CopiedTextTests
{
    [Fact]
    public void Words_AreLowerCasedWithCurlyApostrophesStraightened()
    {
        var words = CopiedText.Words("An ML engineer’s pay: $150,000 (C++/CUDA)!\nNext line.");

        Assert.Equal(["an", "ml", "engineer's", "pay", "$150", "000", "c++", "cuda", "next", "line."], words.Select(w => w.Text));
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 2, 2], words.Select(w => w.Line));
    }

    [Fact]
    public void Find_NineSharedWords_IsOneRunWithItsLine()
    {
        const string guide = "# Title\nIntro words here.\nMost Machine-Learning engineers — in fact — deploy models to production every single week, we think.\n";
        var source = new SourceText("page.txt", "Most machine-learning engineers, in fact, deploy models to production every single week, we hear.");

        var run = Assert.Single(CopiedText.Find(guide, [source]));

        Assert.Equal(new CopiedRun(3, 13, "page.txt", "most machine-learning engineers in fact deploy models to production every single week we"), run);
    }

    [Fact]
    public void ReadSource_Html_IsItsTextWithoutTagsScriptsOrEntities()
    {
        var path = Path.Combine(Path.GetTempPath(), "careerbot-source-" + Guid.NewGuid().ToString("N") + ".html");
        File.WriteAllText(path, "<html><head><style>p { color: red }</style><script>var x = 1;</script></head><body><p>An <b>engineer</b>&rsquo;s day &amp; night</p></body></html>");
        try
        {
            var source = CopiedText.ReadSource(path);

            Assert.Equal(["an", "engineer", "'s", "day", "night"], CopiedText.Words(source.Text).Select(w => w.Text));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Find_EightSharedWords_IsNoRun()
    {
        var source = new SourceText("page.txt", "engineers deploy models to production every single week");

        Assert.Empty(CopiedText.Find("Our engineers deploy models to production every single week too.", [source]));
    }
}
