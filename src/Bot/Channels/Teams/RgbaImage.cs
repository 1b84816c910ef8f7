namespace CareerBot.Bot.Channels.Teams;

/// <summary>
/// A picture in memory: <see cref="Width"/> × <see cref="Height"/> pixels, four bytes each
/// (red, green, blue, alpha; alpha not premultiplied), row by row from the top left.
/// </summary>
internal sealed class RgbaImage
{
    public RgbaImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 4];
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public Rgba this[int x, int y]
    {
        get
        {
            var i = Offset(x, y);
            return new Rgba(Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
        }

        set
        {
            var i = Offset(x, y);
            Pixels[i] = value.R;
            Pixels[i + 1] = value.G;
            Pixels[i + 2] = value.B;
            Pixels[i + 3] = value.A;
        }
    }

    private int Offset(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return ((y * Width) + x) * 4;
    }
}

/// <summary>One pixel's colour, alpha 255 being opaque.</summary>
internal readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Parses <c>#RRGGBB</c>; null when <paramref name="hex"/> is not one.</summary>
    public static Rgba? FromHex(string? hex)
    {
        if (hex is not { Length: 7 } || hex[0] != '#' || !uint.TryParse(hex.AsSpan(1), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return new Rgba((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    /// <summary><paramref name="top"/> painted over this colour with <paramref name="coverage"/> (0 to 1) of its alpha.</summary>
    public Rgba Under(Rgba top, double coverage)
    {
        var a = top.A / 255.0 * Math.Clamp(coverage, 0, 1);
        if (a <= 0)
        {
            return this;
        }

        var below = A / 255.0 * (1 - a);
        var outA = a + below;
        byte Mix(byte t, byte b) => (byte)Math.Round(((t * a) + (b * below)) / outA);
        return new Rgba(Mix(top.R, R), Mix(top.G, G), Mix(top.B, B), (byte)Math.Round(outA * 255));
    }
}
