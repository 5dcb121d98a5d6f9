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
        var dome = SKRect.Create(-0.98f * w, -h - 4, 1.96f * w, 1.5f * h);
        canvas.DrawOval(dome, ink.Fill(style.Skin));
        canvas.DrawOval(dome, ink.Stroke(outlineColour, 1.5f));

        using var face = FaceOutline(w, h, traits.Male);
        canvas.DrawPath(face, ink.Stroke(outlineColour, 1.5f));
        canvas.DrawPath(face, ink.Fill(style.Skin));
        // Re-fill the dome's inside so the face outline does not cut across the forehead.
        canvas.DrawOval(SKRect.Inflate(dome, -1.5f, -1.5f), ink.Fill(style.Skin));

        if (traits.Bald)
        {
            // A shine on the scalp: bald heads have a bright highlight that no head of hair has.
            canvas.Save();
            canvas.RotateDegrees(-25, -0.4f * w, -0.82f * h);
            canvas.DrawOval(SKRect.Create(-0.4f * w - 11, -0.82f * h - 5, 22, 10), ink.Fill(new SKColor(255, 255, 255, 120)));
            canvas.Restore();
        }
    }

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
        var line = Colours.Lerp(style.Skin, wrinkle, 0.6f);
        var shade = Colours.Lerp(style.Skin, wrinkle, 0.25f);

        foreach (var side in (ReadOnlySpan<float>)[-1f, 1f])
            canvas.DrawOval(SKRect.Create(side * 0.56f * w - 8, 6, 16, 24), ink.Fill(shade));
        using (var bags = new SKPathBuilder())
        {
            foreach (var side in (ReadOnlySpan<float>)[-1f, 1f])
            {
                bags.MoveTo(side * (e - 9), -4);
                bags.QuadTo(side * e, 10, side * (e + 9), -4);
                bags.QuadTo(side * e, 2, side * (e - 9), -4);
                bags.Close();
            }
            using var path = bags.Detach();
            canvas.DrawPath(path, ink.Fill(Colours.Lerp(style.Skin, wrinkle, 0.4f)));
        }
        Shapes.MirroredCurve(canvas, ink.Stroke(line, 2.4f), new SKPoint(e - 8, 2), new SKPoint(e, 9), new SKPoint(e + 8, 2));

        // Forehead lines stop short of the hairline; a hat may hide the top one.
        var paint = ink.Stroke(line, 3f);
        foreach (var y in (ReadOnlySpan<float>)[-26f, -32f, -38f])
            Shapes.MirroredCurve(canvas, paint, new SKPoint(0, y - 2.5f), new SKPoint(0.3f * w, y - 2.5f), new SKPoint(0.55f * w, y + 1));

        paint = ink.Stroke(line, 2.2f);
        Shapes.MirroredCurve(canvas, paint, new SKPoint(e + 10, -9), new SKPoint(e + 13, -11), new SKPoint(e + 17, -14));
        Shapes.MirroredCurve(canvas, paint, new SKPoint(e + 10, -6), new SKPoint(e + 14, -5), new SKPoint(e + 17, -2));

        paint = ink.Stroke(line, 3.2f);
        Shapes.MirroredCurve(canvas, paint,
            new SKPoint(style.NoseWidth + 5, style.NoseTip - 3),
            new SKPoint(style.NoseWidth + 14, style.MouthY - 8),
            new SKPoint(style.MouthHalfWidth + 6, style.MouthY + 6));
        Shapes.MirroredCurve(canvas, ink.Stroke(line, 2.4f),
            new SKPoint(style.MouthHalfWidth + 3, style.MouthY + 6),
            new SKPoint(style.MouthHalfWidth + 5, style.MouthY + 12),
            new SKPoint(style.MouthHalfWidth + 3, style.MouthY + 17));
    }
}
