using CareerBot.Bot.Channels.Teams;

namespace CareerBot.Bot.Tests.Channels.Teams;

public sealed class PngWriterTests
{
    /// <summary>A 5×3 picture where every channel of every pixel differs.</summary>
    private static RgbaImage Pattern()
    {
        var image = new RgbaImage(5, 3);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = (byte)((i * 37) + 11);
        }

        return image;
    }

    [Fact]
    public void Encode_Rgba_WritesIhdrIdatIendWithValidCrcs()
    {
        var png = PngReader.Read(PngWriter.Encode(Pattern(), alpha: true));

        Assert.Equal(["IHDR", "IDAT", "IEND"], png.Chunks.Select(c => c.Type));
        Assert.All(png.Chunks, c => Assert.Equal(c.ComputedCrc, c.StoredCrc));
        Assert.Equal((5, 3, 8, 6, 0), (png.Width, png.Height, (int)png.BitDepth, (int)png.ColourType, (int)png.Interlace));
        Assert.Equal([0, 0], png.Chunks[0].Data[10..12]); // deflate, adaptive filtering
        Assert.Empty(png.Chunks[2].Data);
    }

    [Fact]
    public void Encode_Rgba_DecodesToTheSamePixels()
    {
        var image = Pattern();

        var decoded = PngReader.Read(PngWriter.Encode(image, alpha: true)).Rgba();

        Assert.Equal(image.Pixels, decoded);
    }

    [Fact]
    public void Encode_Rgb_LeavesOutAlpha()
    {
        var image = Pattern();

        var png = PngReader.Read(PngWriter.Encode(image, alpha: false));

        Assert.Equal(2, png.ColourType);
        var expected = image.Pixels.Select((b, i) => i % 4 == 3 ? (byte)255 : b).ToArray();
        Assert.Equal(expected, png.Rgba());
    }

    [Fact]
    public void Encode_AnyImage_EndsWithTheFixedIendChunk()
    {
        // The IEND chunk is the same in every PNG: length 0, "IEND", CRC AE 42 60 82.
        var bytes = PngWriter.Encode(new RgbaImage(1, 1), alpha: true);

        Assert.Equal([0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82], bytes[^12..]);
    }
}
