using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CareerBot.Bot.Tests.Channels.Teams;

/// <summary>
/// Reads a PNG back, independently of the encoder: its chunks with their stored and
/// recomputed CRC-32 (a table-driven CRC written here), the IHDR fields, and the pixels
/// after inflating IDAT and undoing every row filter (8-bit RGB and RGBA only).
/// </summary>
internal sealed class PngReader
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    private PngReader(IReadOnlyList<PngChunk> chunks)
    {
        Chunks = chunks;
        var header = chunks[0].Data;
        Width = BinaryPrimitives.ReadInt32BigEndian(header);
        Height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        BitDepth = header[8];
        ColourType = header[9];
        Interlace = header[12];
    }

    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public IReadOnlyList<PngChunk> Chunks { get; }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    public byte ColourType { get; }

    public byte Interlace { get; }

    public static PngReader Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "PNG signature");
        var chunks = new List<PngChunk>();
        var pos = 8;
        while (pos < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length).ToArray();
            var stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            chunks.Add(new PngChunk(type, data, stored, Crc(png.AsSpan(pos + 4, 4 + length))));
            pos += 12 + length;
        }

        Assert.Equal(png.Length, pos);
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal(13, chunks[0].Data.Length);
        return new PngReader(chunks);
    }

    /// <summary>The pixels as RGBA (alpha 255 for RGB images), row by row.</summary>
    public byte[] Rgba()
    {
        Assert.Equal(8, BitDepth);
        Assert.Equal(0, Interlace);
        var channels = ColourType switch
        {
            2 => 3,
            6 => 4,
            _ => throw new InvalidDataException($"colour type {ColourType} is not read here"),
        };
        using var compressed = new MemoryStream(Chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray());
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var data = raw.ToArray();
        var stride = Width * channels;
        Assert.Equal((stride + 1) * Height, data.Length);

        var pixels = new byte[Width * Height * 4];
        var previous = new byte[stride];
        var row = new byte[stride];
        for (var y = 0; y < Height; y++)
        {
            var filter = data[y * (stride + 1)];
            Array.Copy(data, (y * (stride + 1)) + 1, row, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? row[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                });
            }

            for (var x = 0; x < Width; x++)
            {
                var target = ((y * Width) + x) * 4;
                pixels[target] = row[x * channels];
                pixels[target + 1] = row[(x * channels) + 1];
                pixels[target + 2] = row[(x * channels) + 2];
                pixels[target + 3] = channels == 4 ? row[(x * channels) + 3] : (byte)255;
            }

            (previous, row) = (row, previous);
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

/// <summary>One chunk: its type, data, the CRC stored after it and the CRC of its type and data.</summary>
internal sealed record PngChunk(string Type, byte[] Data, uint StoredCrc, uint ComputedCrc);
