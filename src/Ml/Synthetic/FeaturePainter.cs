using SkiaSharp;

namespace VaeFaces.Ml.Synthetic;

/// <summary>Eyes, brows, nose, mouth and moustache, in face coordinates (origin at the face centre, eyes at y = -8).</summary>
internal static class FeaturePainter
{
    public const float EyeY = -8;
    private static readonly SKColor Lid = new(36, 26, 24);
    private static readonly SKColor Sclera = new(246, 246, 240);
    private static readonly SKColor Teeth = new(250, 250, 246);

    public static void Eyes(SKCanvas canvas, Ink ink, FaceTraits traits, FaceStyle style)
    {
        foreach (var side in (ReadOnlySpan<float>)[-1f, 1f])
        {
            var x = side * style.EyeSpacing;
            var eye = SKRect.Create(x - 8.5f, EyeY - 5, 17, 10);
            canvas.DrawOval(eye, ink.Fill(Sclera));
            canvas.DrawCircle(x, EyeY, 4.4f, ink.Fill(style.Iris));
            canvas.DrawCircle(x, EyeY, 2.1f, ink.Fill(SKColors.Black));
            canvas.DrawCircle(x - 1.4f, EyeY - 1.4f, 1f, ink.Fill(SKColors.White));
            // Upper lid as a thick arc; lashes make women's lids heavier with a flick at the outer corner.
            using var builder = new SKPathBuilder();
            builder.AddArc(eye, 190, 160);
            using var lid = builder.Detach();
            canvas.DrawPath(lid, ink.Stroke(Lid, traits.Male ? 2.2f : 3f));
            if (!traits.Male)
                canvas.DrawLine(x + side * 8, EyeY - 2.5f, x + side * 11, EyeY - 5, ink.Stroke(Lid, 2f));
        }
    }

    /// <summary>Men: thick, nearly straight brows; women: thin arched ones.</summary>
    public static void Brows(SKCanvas canvas, Ink ink, FaceTraits traits, FaceStyle style)
    {
        var e = style.EyeSpacing;
        if (traits.Male)
            Shapes.MirroredCurve(canvas, ink.Stroke(style.BrowColour, 7f),
                new SKPoint(e - 11, EyeY - 11), new SKPoint(e, EyeY - 14), new SKPoint(e + 11, EyeY - 12));
        else
            Shapes.MirroredCurve(canvas, ink.Stroke(style.BrowColour, 2.4f),
                new SKPoint(e - 9, EyeY - 10), new SKPoint(e + 1, EyeY - 19), new SKPoint(e + 10, EyeY - 11));
    }

    public static void Nose(SKCanvas canvas, Ink ink, FaceStyle style)
    {
        var (tip, width) = (style.NoseTip, style.NoseWidth);
        var shade = Colours.Darken(style.Skin, 0.3f);
        canvas.DrawLine(-2, EyeY + 4, -width + 1, tip - 3, ink.Stroke(Colours.Darken(style.Skin, 0.15f), 2));
        using var builder = new SKPathBuilder();
        builder.MoveTo(-width - 1, tip - 2);
        builder.QuadTo(0, tip + 5, width + 1, tip - 2);
        using var bottom = builder.Detach();
        canvas.DrawPath(bottom, ink.Stroke(shade, 2));
        canvas.DrawOval(SKRect.Create(-width * 0.6f - 2.2f, tip - 1, 4.4f, 2.6f), ink.Fill(Colours.Darken(style.Skin, 0.55f)));
        canvas.DrawOval(SKRect.Create(width * 0.6f - 2.2f, tip - 1, 4.4f, 2.6f), ink.Fill(Colours.Darken(style.Skin, 0.55f)));
    }

    /// <summary>
    /// Smiling: a wide, upturned grin that is mostly white teeth. White is lighter than every skin tone, so a smile
    /// brightens the mouth on every face (a dark open mouth would brighten dark faces and darken light ones, which
    /// no single latent direction can follow). Otherwise: a small, flat, closed mouth.
    /// </summary>
    public static void Mouth(SKCanvas canvas, Ink ink, FaceTraits traits, FaceStyle style)
    {
        var (y, half) = (style.MouthY, style.MouthHalfWidth);
        if (traits.Smiling)
        {
            using var builder = new SKPathBuilder();
            builder.MoveTo(-half, y - 5);
            builder.CubicTo(-half * 0.5f, y - 1, half * 0.5f, y - 1, half, y - 5);
            builder.CubicTo(half * 0.7f, y + 17, -half * 0.7f, y + 17, -half, y - 5);
            builder.Close();
            using var mouth = builder.Detach();
            canvas.DrawPath(mouth, ink.Fill(Teeth));
            // Only thin, light lines between the teeth and around the lips: dark ones would average out the white
            // once the image is small and blurred.
            using var gap = new SKPathBuilder();
            gap.MoveTo(-half * 0.8f, y - 1.5f);
            gap.QuadTo(0, y + 6, half * 0.8f, y - 1.5f);
            using var gapPath = gap.Detach();
            canvas.DrawPath(gapPath, ink.Stroke(new SKColor(200, 190, 190), 1.2f));
            canvas.DrawPath(mouth, ink.Stroke(Colours.Lerp(style.Lips, Teeth, 0.3f), 1.4f));
        }
        else
        {
            using var builder = new SKPathBuilder();
            builder.MoveTo(-half, y);
            builder.CubicTo(-half * 0.4f, y - 5, half * 0.4f, y - 5, half, y);
            builder.CubicTo(half * 0.4f, y + 6, -half * 0.4f, y + 6, -half, y);
            builder.Close();
            using var lips = builder.Detach();
            // Closed lips are darker than the skin around them: the opposite of the white smile.
            canvas.DrawPath(lips, ink.Fill(style.Lips));
            canvas.DrawLine(-half, y, half, y, ink.Stroke(Colours.Darken(style.Lips, 0.5f), 2f));
        }
    }

    /// <summary>A thick dark band over the upper lip, drooping at the ends.</summary>
    public static void Mustache(SKCanvas canvas, Ink ink, FaceStyle style)
    {
        var y = style.MouthY;
        var top = style.NoseTip + 3.5f;
        var colour = Colours.Lerp(style.HairColour.Alpha == 0 ? new SKColor(60, 45, 35) : style.HairColour, new SKColor(18, 12, 10), 0.75f);
        using var path = Shapes.Symmetric(new SKPoint(0, top - 1),
            Shapes.Cubic(9, top - 2.5f, 18, top, 21, y),
            Shapes.Cubic(19, y, 12, y - 5, 0, y - 5.5f));
        canvas.DrawPath(path, ink.Fill(colour));
    }
}
