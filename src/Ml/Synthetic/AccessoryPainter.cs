using SkiaSharp;

namespace VaeFaces.Ml.Synthetic;

/// <summary>Eyeglasses with thick dark frames, and big hats that cover the top of the head.</summary>
internal static class AccessoryPainter
{
    public static void Glasses(SKCanvas canvas, Ink ink, FaceStyle style)
    {
        var (e, w, y) = (style.EyeSpacing, style.HalfWidth, FeaturePainter.EyeY);
        const float halfWidth = 12.5f, halfHeight = 9.5f;
        canvas.DrawLine(e - halfWidth, y - 2, -e + halfWidth, y - 2, ink.Stroke(style.GlassesFrame, 4));
        canvas.DrawLine(e + halfWidth, y - 2, w + 1, y - 1, ink.Stroke(style.GlassesFrame, 3.5f));
        canvas.DrawLine(-e - halfWidth, y - 2, -w - 1, y - 1, ink.Stroke(style.GlassesFrame, 3.5f));
        foreach (var side in (ReadOnlySpan<float>)[-1f, 1f])
        {
            var lens = SKRect.Create(side * e - halfWidth, y - halfHeight + 1, 2 * halfWidth, 2 * halfHeight);
            var corner = style.RoundGlasses ? halfHeight : 4;
            // Lightly tinted lenses and heavy frames both darken the eyes, on dark skin as on light.
            canvas.DrawRoundRect(lens, corner, corner, ink.Fill(new SKColor(20, 20, 30, 40)));
            canvas.DrawRoundRect(lens, corner, corner, ink.Stroke(style.GlassesFrame, 5.5f));
        }
    }

    public static void Hat(SKCanvas canvas, Ink ink, FaceStyle style)
    {
        var (w, h) = (style.HalfWidth, style.HalfHeight);
        var edge = Colours.Darken(style.Hat, 0.35f);
        if (style.BrimmedHat)
        {
            // Crown, band and a wide brim at hairline height.
            using var builder = new SKPathBuilder();
            builder.MoveTo(-0.9f * w, -0.8f * h);
            builder.LineTo(-0.78f * w, -h - 22);
            // A shallow dent only: the crown's middle must stay above the tallest hair (HairVolume <= 20).
            builder.QuadTo(0, -h - 19, 0.78f * w, -h - 22);
            builder.LineTo(0.9f * w, -0.8f * h);
            builder.Close();
            using var crown = builder.Detach();
            canvas.DrawPath(crown, ink.Fill(style.Hat));
            canvas.DrawPath(crown, ink.Stroke(edge, 1.5f));
            canvas.DrawRect(new SKRect(-0.88f * w, -0.8f * h - 12, 0.88f * w, -0.8f * h - 2), ink.Fill(style.HatBand));
            var brim = new SKRect(-w - 22, -0.8f * h - 7, w + 22, -0.8f * h + 7);
            canvas.DrawOval(brim, ink.Fill(style.Hat));
            canvas.DrawOval(brim, ink.Stroke(edge, 1.5f));
        }
        else
        {
            // A knitted cap: a dome over the skull with a turned-up cuff.
            var dome = new SKRect(-w - 7, -h - 22, w + 7, -0.45f * h);
            canvas.Save();
            canvas.ClipRect(new SKRect(-w - 10, -h - 25, w + 10, -0.74f * h));
            canvas.DrawOval(dome, ink.Fill(style.Hat));
            canvas.Restore();
            var cuff = new SKRect(-w - 8, -0.92f * h, w + 8, -0.68f * h);
            canvas.DrawRoundRect(cuff, 5, 5, ink.Fill(style.HatBand));
            canvas.DrawRoundRect(cuff, 5, 5, ink.Stroke(edge, 1.5f));
        }
    }
}
