using CareerBot.Bot.Channels.Teams;

namespace CareerBot.Bot.Tests.Channels.Teams;

public sealed class IconPainterTests
{
    private static readonly Rgba Accent = new(0x2B, 0x57, 0x97);

    [Fact]
    public void Color_Is192Square_OpaqueAccentWithAWhiteBubble()
    {
        var icon = IconPainter.Color(Accent);

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.All(Enumerable.Range(0, icon.Pixels.Length / 4), i => Assert.Equal(255, icon.Pixels[(i * 4) + 3]));
        Assert.Equal(Accent, icon[0, 0]);
        Assert.Equal(Accent, icon[191, 191]);
        Assert.Equal(new Rgba(255, 255, 255), icon[60, 60]); // inside the bubble, above the letters
        Assert.Equal(Accent, icon[96, 180]); // below the bubble
    }

    [Fact]
    public void Outline_Is32Square_WhiteOnTransparent()
    {
        var icon = IconPainter.Outline();

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        foreach (var (x, y) in new[] { (0, 0), (31, 0), (0, 31), (31, 31) })
        {
            Assert.Equal(0, icon[x, y].A);
        }

        var pixels = Enumerable.Range(0, 32 * 32).Select(i => icon[i % 32, i / 32]).ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.InRange(pixels.Count(p => p == new Rgba(255, 255, 255, 255)), 100, 600);
        Assert.Equal(new Rgba(255, 255, 255, 255), icon[4, 14]); // left edge of the bubble, two pixels wide
        Assert.Equal(new Rgba(255, 255, 255, 255), icon[3, 14]);
        Assert.Equal(0, icon[6, 14].A); // inside the bubble
    }
}
