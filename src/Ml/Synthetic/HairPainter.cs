using SkiaSharp;

namespace VaeFaces.Ml.Synthetic;

/// <summary>
/// Men: short hair that hugs the skull. Women: long hair that falls beside the face to the shoulders, drawn as a
/// back layer (behind neck and face) and a front layer that frames the face. Bald heads get neither.
/// </summary>
internal static class HairPainter
{
    public static void Back(SKCanvas canvas, Ink ink, FaceTraits traits, FaceStyle style)
    {
        if (traits.Male || traits.Hair == HairColour.None) return;
        var (w, h, v, side) = (style.HalfWidth, style.HalfHeight, style.HairVolume, style.HalfWidth + style.HairWidth);
        using var builder = new SKPathBuilder();
        builder.MoveTo(-side - 4, h + 45);
        builder.LineTo(-side, 0);
        builder.CubicTo(-side, -0.75f * h, -0.7f * w, -h - v, 0, -h - v);
        builder.CubicTo(0.7f * w, -h - v, side, -0.75f * h, side, 0);
        builder.LineTo(side + 4, h + 45);
        builder.Close();
        using var path = builder.Detach();
        canvas.DrawPath(path, ink.Fill(style.HairColour));
    }

    public static void Front(SKCanvas canvas, Ink ink, FaceTraits traits, FaceStyle style)
    {
        if (traits.Hair == HairColour.None) return;
        using var path = traits.Male ? ShortHair(style) : FramingHair(style);
        canvas.DrawPath(path, ink.Fill(style.HairColour));
        // A darker rim gives the hair an edge against backgrounds of similar brightness.
        canvas.DrawPath(path, ink.Stroke(Colours.Darken(style.HairColour, 0.3f), 1.2f));
    }

    private static SKPath ShortHair(FaceStyle style)
    {
        var (w, h, v) = (style.HalfWidth, style.HalfHeight, style.HairVolume);
        using var path = new SKPathBuilder();
        // Sideburns are wide so that the hair colour still shows under a hat.
        path.MoveTo(w + 4, 0);
        path.CubicTo(w + 8, -0.6f * h, 0.65f * w, -h - v, 0, -h - v);
        path.CubicTo(-0.65f * w, -h - v, -w - 8, -0.6f * h, -w - 4, 0);
        path.LineTo(-w + 6, 0);
        path.CubicTo(-w + 6, -0.45f * h, -0.75f * w, -0.8f * h, -0.35f * w, -0.8f * h);
        path.QuadTo(0, -0.84f * h, 0.35f * w, -0.8f * h);
        path.CubicTo(0.75f * w, -0.8f * h, w - 6, -0.45f * h, w - 6, 0);
        path.Close();
        return path.Detach();
    }

    private static SKPath FramingHair(FaceStyle style)
    {
        var (w, h, v, side, p) = (style.HalfWidth, style.HalfHeight, style.HairVolume, style.HalfWidth + style.HairWidth, style.Parting);
        using var path = new SKPathBuilder();
        path.MoveTo(-side, 0);
        path.CubicTo(-side, -0.75f * h, -0.7f * w, -h - v, 0, -h - v);
        path.CubicTo(0.7f * w, -h - v, side, -0.75f * h, side, 0);
        path.LineTo(w + 2, 0.6f * h);
        path.CubicTo(w - 4, 0.1f * h, w - 6, -0.5f * h, 0.45f * w, -0.8f * h);
        path.CubicTo(0.2f * w, -0.84f * h, p + 6, -0.86f * h, p, -0.92f * h);
        path.CubicTo(p - 6, -0.86f * h, -0.2f * w, -0.84f * h, -0.45f * w, -0.8f * h);
        path.CubicTo(-w + 6, -0.5f * h, -w + 4, 0.1f * h, -w - 2, 0.6f * h);
        path.Close();
        return path.Detach();
    }
}
