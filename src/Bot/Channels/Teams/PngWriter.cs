using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace CareerBot.Bot.Channels.Teams;

/// <summary>
/// The smallest PNG encoder that Teams accepts: the signature, an IHDR chunk (8-bit
/// truecolour, with or without alpha, not interlaced), one IDAT chunk holding the zlib
/// stream of unfiltered scanlines, and IEND. Each chunk ends with the CRC-32 of its type
/// and data (PNG specification, sections 5 and 11).
/// </summary>
internal static class PngWriter
{
    public const byte ColourTypeRgb = 2;
    public const byte ColourTypeRgba = 6;

    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image as PNG bytes; with <paramref name="alpha"/> false the alpha channel is left out (an opaque image).</summary>
    public static byte[] Encode(RgbaImage image, bool alpha)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var png = new MemoryStream();
        png.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8; // bits per channel
        header[9] = alpha ? ColourTypeRgba : ColourTypeRgb;
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method: adaptive (each row says which filter; we use None)
        header[12] = 0; // no interlace
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Compress(Scanlines(image, alpha)));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Each row prefixed with filter type 0 (None), then its pixels.</summary>
    private static byte[] Scanlines(RgbaImage image, bool alpha)
    {
        var channels = alpha ? 4 : 3;
        var stride = (image.Width * channels) + 1;
        var raw = new byte[stride * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            var row = raw.AsSpan(y * stride, stride);
            row[0] = 0;
            for (var x = 0; x < image.Width; x++)
            {
                var source = image.Pixels.AsSpan(((y * image.Width) + x) * 4, channels);
                source.CopyTo(row[(1 + (x * channels))..]);
            }
        }

        return raw;
    }

    private static byte[] Compress(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        png.Write(buffer);

        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);

        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, crc.GetCurrentHashAsUInt32());
        png.Write(buffer);
    }
}
