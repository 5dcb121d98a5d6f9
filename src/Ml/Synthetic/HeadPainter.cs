using SkiaSharp;

namespace VaeFaces.Ml.Synthetic;

/// <summary>Background, shoulders, neck, ears and the bare head, plus the signs of age drawn on the skin.</summary>
internal static class HeadPainter
{
    public static void Background(SKCanvas canvas, Ink ink, FaceStyle style, int width, int height)
    {
        using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height),
            [style.BackgroundTop, style.BackgroundBottom], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, width, height, ink.Shaded(shader));
    }

    public static void Shoulders(SKCanvas canvas, Ink ink, FaceStyle style)
    {
        var (w, h) = (style.HalfWidth, style.HalfHeight);
        canvas.DrawRoundRect(new SKRect(-w - 58, h + 28, w + 58, h + 170), 45, 45, ink.Fill(style.Clothes));
        // A round collar, darker than the shirt, so the neck does not end in a hard edge.
        canvas.DrawOval(new SKRect(-0.42f * w - 9, h + 18, 0.42f * w + 9, h + 48), ink.Fill(Colours.Darken(style.Clothes, 0.3f)));
    }

    public static void Neck(SKCanvas canvas, Ink ink, FaceStyle style)
    {
        var (w, h) = (style.HalfWidth, style.HalfHeight);
        var neck = Colours.Darken(style.Skin, 0.12f);
        canvas.DrawRect(new SKRect(-0.42f * w, 0.4f * h, 0.42f * w, h + 30), ink.Fill(neck));
        canvas.DrawOval(new SKRect(-0.42f * w, h + 22, 0.42f * w, h + 42), ink.Fill(neck));
    }

    public static void Ears(SKCanvas canvas, Ink ink, FaceStyle style)
    {
        var w = style.HalfWidth;
        var ear = Colours.Darken(style.Skin, 0.08f);
        foreach (var side in (ReadOnlySpan<float>)[-1f, 1f])
        {
            var rect = SKRect.Create(side * (w + 1) - 6.5f, -12, 13, 25);
            canvas.DrawOval(rect, ink.Fill(ear));
            canvas.DrawOval(rect, ink.Stroke(Colours.Darken(style.Skin, 0.35f), 1.5f));
        }
    }

    /// <summary>The scalp dome and the face. The dome is what shows on a bald head.</summary>
    public static void Head(SKCanvas canvas, Ink ink, FaceTraits traits, FaceStyle style)
    {
        var (w, h) = (style.HalfWidth, style.HalfHeight);
        var outlineColour = Colours.Darken(style.Skin, 0.35f);
        var dome = Dome(style);
        canvas.DrawOval(dome, ink.Fill(style.Skin));
        canvas.DrawOval(dome, ink.Stroke(outlineColour, 1.5f));

        using var face = FaceOutline(w, h, traits.Male);
        canvas.DrawPath(face, ink.Stroke(outlineColour, 1.5f));
        canvas.DrawPath(face, ink.Fill(style.Skin));
        // Re-fill the dome's inside so the face outline does not cut across the forehead.
        canvas.DrawOval(SKRect.Inflate(dome, -1.5f, -1.5f), ink.Fill(style.Skin));

        if (traits.Bald) Scalp(canvas, ink, style);
    }

    /// <summary>
    /// A bald scalp is sunburnt pink and shiny. The pink matters most: skin tones lie between the hair colours in
    /// colour space, but nothing else on top of a head is this red, so "bald" gets a direction of its own.
    /// </summary>
    private static void Scalp(SKCanvas canvas, Ink ink, FaceStyle style)
    {
        var (w, h) = (style.HalfWidth, style.HalfHeight);
        var flush = Colours.Lerp(style.Skin, new SKColor(232, 108, 98), 0.6f);
        canvas.Save();
        canvas.ClipRect(new SKRect(-w - 2, -h - 6, w + 2, -0.62f * h));
        canvas.DrawOval(Dome(style), ink.Fill(flush));
        canvas.Restore();
        // Blend the flush into the forehead instead of ending in a hard line.
        using var fade = SKShader.CreateLinearGradient(new SKPoint(0, -0.66f * h), new SKPoint(0, -0.5f * h),
            [flush, flush.WithAlpha(0)], SKShaderTileMode.Clamp);
        canvas.Save();
        canvas.ClipRect(new SKRect(-w - 2, -0.66f * h, w + 2, -0.5f * h));
        canvas.DrawOval(Dome(style), ink.Shaded(fade));
        canvas.Restore();
        canvas.Save();
        canvas.RotateDegrees(-25, -0.4f * w, -0.82f * h);
        canvas.DrawOval(SKRect.Create(-0.4f * w - 12, -0.82f * h - 5, 24, 10), ink.Fill(new SKColor(255, 255, 255, 130)));
        canvas.Restore();
    }

    /// <summary>The skull: only 2 px above the forehead, so a bald head is clearly lower than any head of hair.</summary>
    private static SKRect Dome(FaceStyle style) =>
        SKRect.Create(-0.98f * style.HalfWidth, -style.HalfHeight - 2, 1.96f * style.HalfWidth, 1.5f * style.HalfHeight);

    /// <summary>Men get a square jaw with corners, women a narrow rounded chin.</summary>
    private static SKPath FaceOutline(float w, float h, bool male) => male
        ? Shapes.Symmetric(new SKPoint(0, -h),
            Shapes.Cubic(0.56f * w, -h, w, -0.62f * h, w, -0.1f * h),
            Shapes.Cubic(w, 0.28f * h, 0.99f * w, 0.5f * h, 0.92f * w, 0.66f * h),
            Shapes.Cubic(0.84f * w, 0.88f * h, 0.6f * w, h, 0.32f * w, h))
        : Shapes.Symmetric(new SKPoint(0, -h),
            Shapes.Cubic(0.56f * w, -h, w, -0.62f * h, w, -0.1f * h),
            Shapes.Cubic(w, 0.4f * h, 0.6f * w, 0.94f * h, 0.16f * w, 0.99f * h));

    /// <summary>
    /// Old faces: eye bags, hollow cheeks, forehead lines, crow's feet and folds around the mouth. All of them are
    /// darker skin, so age darkens the same places on every face, and the filled areas survive a blurry 64x64 model.
    /// </summary>
    public static void Age(SKCanvas canvas, Ink ink, FaceStyle style)
    {
        var (w, e) = (style.HalfWidth, style.EyeSpacing);
        var wrinkle = new SKColor(40, 22, 16);
        // Deep lines: a VAE trained briefly at 64x64 reconstructs a blur, and only lines this thick and dark
        // still darken the forehead and cheeks in that blur.
        var line = Colours.Lerp(style.Skin, wrinkle, 0.7f);
        var shade = Colours.Lerp(style.Skin, wrinkle, 0.3f);

        foreach (var side in (ReadOnlySpan<float>)[-1f, 1f])
            canvas.DrawOval(SKRect.Create(side * 0.56f * w - 9, 5, 18, 27), ink.Fill(shade));
        using (var bags = new SKPathBuilder())
        {
            foreach (var side in (ReadOnlySpan<float>)[-1f, 1f])
            {
                bags.MoveTo(side * (e - 10), -4);
                bags.QuadTo(side * e, 13, side * (e + 10), -4);
                bags.QuadTo(side * e, 2, side * (e - 10), -4);
                bags.Close();
            }
            using var path = bags.Detach();
            canvas.DrawPath(path, ink.Fill(Colours.Lerp(style.Skin, wrinkle, 0.5f)));
        }
        Shapes.MirroredCurve(canvas, ink.Stroke(line, 3f), new SKPoint(e - 9, 3), new SKPoint(e, 12), new SKPoint(e + 9, 3));

        // Forehead lines stop short of the hairline; a hat may hide the top one.
        var paint = ink.Stroke(line, 4.5f);
        foreach (var y in (ReadOnlySpan<float>)[-25f, -31.5f, -38f])
            Shapes.MirroredCurve(canvas, paint, new SKPoint(0, y - 2.5f), new SKPoint(0.3f * w, y - 2.5f), new SKPoint(0.6f * w, y + 1));

        paint = ink.Stroke(line, 3f);
        Shapes.MirroredCurve(canvas, paint, new SKPoint(e + 10, -9), new SKPoint(e + 13, -11), new SKPoint(e + 17, -14));
        Shapes.MirroredCurve(canvas, paint, new SKPoint(e + 10, -6), new SKPoint(e + 14, -5), new SKPoint(e + 17, -2));

        paint = ink.Stroke(line, 4.5f);
        Shapes.MirroredCurve(canvas, paint,
            new SKPoint(style.NoseWidth + 5, style.NoseTip - 3),
            new SKPoint(style.NoseWidth + 14, style.MouthY - 8),
            new SKPoint(style.MouthHalfWidth + 6, style.MouthY + 6));
        Shapes.MirroredCurve(canvas, ink.Stroke(line, 3.5f),
            new SKPoint(style.MouthHalfWidth + 3, style.MouthY + 6),
            new SKPoint(style.MouthHalfWidth + 5, style.MouthY + 12),
            new SKPoint(style.MouthHalfWidth + 3, style.MouthY + 17));
    }
}
