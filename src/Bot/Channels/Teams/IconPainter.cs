using System.Numerics;

namespace CareerBot.Bot.Channels.Teams;

/// <summary>
/// Draws the app's two Teams icons from shapes given as signed distance functions on the
/// unit square (negative inside), so one drawing serves any size and every edge is
/// anti-aliased by its distance to the pixel centre.
/// <list type="bullet">
/// <item>colour, 192×192 opaque: a speech bubble with "CB" on the accent colour;</item>
/// <item>outline, 32×32: the bubble's outline with three dots, white on transparent.</item>
/// </list>
/// </summary>
internal static class IconPainter
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    private static readonly Rgba White = new(255, 255, 255);

    public static RgbaImage Color(Rgba accent)
    {
        var image = new RgbaImage(ColorSize, ColorSize);
        Paint(image, accent with { A = 255 }, _ => -1);
        Paint(image, White, p => Bubble(p, new Vector2(0.5f, 0.45f), new Vector2(0.33f, 0.24f), 0.1f));
        Paint(image, accent with { A = 255 }, Initials);
        return image;
    }

    public static RgbaImage Outline()
    {
        var image = new RgbaImage(OutlineSize, OutlineSize);
        // In 32ths: the stroke is two pixels wide and centred on pixel edges, so it stays crisp.
        const float px = 1f / OutlineSize;
        var centre = new Vector2(16 * px, 14 * px);
        Paint(image, White, p => MathF.Abs(Bubble(p, centre, new Vector2(12 * px, 9 * px), 4 * px)) - px);
        foreach (var x in (float[])[10, 16, 22])
        {
            Paint(image, White, p => Vector2.Distance(p, new Vector2(x * px, centre.Y)) - (2 * px));
        }

        return image;
    }

    /// <summary>Paints <paramref name="colour"/> wherever <paramref name="shape"/> is inside, blending its edge.</summary>
    private static void Paint(RgbaImage image, Rgba colour, Func<Vector2, float> shape)
    {
        var size = Math.Min(image.Width, image.Height);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var p = new Vector2((x + 0.5f) / size, (y + 0.5f) / size);
                var coverage = Math.Clamp(0.5 - (shape(p) * size), 0, 1);
                if (coverage > 0)
                {
                    image[x, y] = image[x, y].Under(colour, coverage);
                }
            }
        }
    }

    /// <summary>A rounded rectangle with a tail at its lower left.</summary>
    private static float Bubble(Vector2 p, Vector2 centre, Vector2 half, float radius)
    {
        var bottom = centre.Y + half.Y;
        var left = centre.X - half.X;
        var tail = Triangle(
            p,
            new Vector2(left + (half.X * 0.25f), bottom - radius),
            new Vector2(left + (half.X * 0.75f), bottom - 0.01f),
            new Vector2(left + (half.X * 0.05f), bottom + (half.Y * 0.75f)));
        return MathF.Min(RoundedBox(p, centre, half, radius), tail);
    }

    /// <summary>"CB" in strokes: C as an arc open to the right, B as a stem and two bowls.</summary>
    private static float Initials(Vector2 p)
    {
        const float w = 0.052f;
        const float top = 0.365f;
        const float bottom = 0.535f;
        const float mid = (top + bottom) / 2;
        const float bowl = (mid - top) / 2;
        var c = Arc(p, new Vector2(0.41f, mid), (bottom - top) / 2, 0.8f, (2 * MathF.PI) - 0.8f, w);
        const float stem = 0.54f;
        var b = MathF.Min(
            Segment(p, new Vector2(stem, top), new Vector2(stem, bottom), w),
            MathF.Min(Bowl(p, stem, top, stem + 0.055f, bowl, w), Bowl(p, stem, mid, stem + 0.065f, bowl, w)));
        return MathF.Min(c, b);
    }

    /// <summary>One bowl of a B: out from the stem at <paramref name="y"/>, round, and back 2 × radius lower.</summary>
    private static float Bowl(Vector2 p, float stem, float y, float turn, float radius, float width) =>
        MathF.Min(
            MathF.Min(Segment(p, new Vector2(stem, y), new Vector2(turn, y), width), Segment(p, new Vector2(stem, y + (2 * radius)), new Vector2(turn, y + (2 * radius)), width)),
            Arc(p, new Vector2(turn, y + radius), radius, -MathF.PI / 2, MathF.PI / 2, width));

    private static float RoundedBox(Vector2 p, Vector2 centre, Vector2 half, float radius)
    {
        var q = Vector2.Abs(p - centre) - half + new Vector2(radius);
        return Vector2.Max(q, Vector2.Zero).Length() + MathF.Min(MathF.Max(q.X, q.Y), 0) - radius;
    }

    /// <summary>A stroke of <paramref name="width"/> along the segment from a to b, with round ends.</summary>
    private static float Segment(Vector2 p, Vector2 a, Vector2 b, float width)
    {
        var ab = b - a;
        var t = Math.Clamp(Vector2.Dot(p - a, ab) / ab.LengthSquared(), 0, 1);
        return Vector2.Distance(p, a + (ab * t)) - (width / 2);
    }

    /// <summary>A stroke along the circle from angle <paramref name="from"/> to <paramref name="to"/> (radians, y down), with round ends.</summary>
    private static float Arc(Vector2 p, Vector2 centre, float radius, float from, float to, float width)
    {
        var d = p - centre;
        var angle = MathF.Atan2(d.Y, d.X);
        while (angle < from)
        {
            angle += 2 * MathF.PI;
        }

        if (angle <= to)
        {
            return MathF.Abs(d.Length() - radius) - (width / 2);
        }

        var start = centre + (radius * new Vector2(MathF.Cos(from), MathF.Sin(from)));
        var end = centre + (radius * new Vector2(MathF.Cos(to), MathF.Sin(to)));
        return MathF.Min(Vector2.Distance(p, start), Vector2.Distance(p, end)) - (width / 2);
    }

    /// <summary>Signed distance to a triangle (after Inigo Quilez's polygon distance).</summary>
    private static float Triangle(Vector2 p, Vector2 a, Vector2 b, Vector2 c)
    {
        Span<Vector2> v = [a, b, c];
        var distance = Vector2.DistanceSquared(p, a);
        var sign = 1f;
        for (int i = 0, j = 2; i < 3; j = i, i++)
        {
            var e = v[j] - v[i];
            var w = p - v[i];
            var nearest = w - (e * Math.Clamp(Vector2.Dot(w, e) / e.LengthSquared(), 0, 1));
            distance = MathF.Min(distance, nearest.LengthSquared());
            var below = p.Y >= v[i].Y;
            var aboveNext = p.Y < v[j].Y;
            var leftOf = (e.X * w.Y) > (e.Y * w.X);
            if ((below && aboveNext && leftOf) || (!below && !aboveNext && !leftOf))
            {
                sign = -sign;
            }
        }

        return sign * MathF.Sqrt(distance);
    }
}
