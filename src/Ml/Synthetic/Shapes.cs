using SkiaSharp;

namespace VaeFaces.Ml.Synthetic;

/// <summary>Path helpers for shapes that are symmetric about the face's vertical axis (x = 0).</summary>
internal static class Shapes
{
    public readonly record struct Segment(SKPoint Control1, SKPoint Control2, SKPoint End);

    /// <summary>
    /// A closed path from its right half: start, then cubic segments; the left half is the mirror image traced
    /// back, so outlines are symmetric by construction and each shape is described only once.
    /// </summary>
    public static SKPath Symmetric(SKPoint start, params ReadOnlySpan<Segment> rightHalf)
    {
        using var path = new SKPathBuilder();
        path.MoveTo(start);
        foreach (var segment in rightHalf) path.CubicTo(segment.Control1, segment.Control2, segment.End);
        path.LineTo(Mirror(rightHalf[^1].End));
        for (var i = rightHalf.Length - 1; i >= 0; i--)
        {
            var end = i == 0 ? start : rightHalf[i - 1].End;
            path.CubicTo(Mirror(rightHalf[i].Control2), Mirror(rightHalf[i].Control1), Mirror(end));
        }
        path.Close();
        return path.Detach();
    }

    public static Segment Cubic(float c1x, float c1y, float c2x, float c2y, float x, float y) =>
        new(new SKPoint(c1x, c1y), new SKPoint(c2x, c2y), new SKPoint(x, y));

    public static SKPoint Mirror(SKPoint point) => new(-point.X, point.Y);

    /// <summary>Draws a quadratic curve twice, once on each side of the axis.</summary>
    public static void MirroredCurve(SKCanvas canvas, SKPaint paint, SKPoint from, SKPoint control, SKPoint to)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(from);
        builder.QuadTo(control, to);
        builder.MoveTo(Mirror(from));
        builder.QuadTo(Mirror(control), Mirror(to));
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }
}
