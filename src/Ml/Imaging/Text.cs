using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>Draws and measures label text; every method is a no-op (width 0) when no font file exists.</summary>
internal static class Text
{
    public static readonly SKColor Ink = new(0x22, 0x22, 0x22);

    public static bool Available => Fonts.Typeface is not null;

    public static float Width(string text, float size)
    {
        using var font = Fonts.Create(size);
        return font?.MeasureText(text) ?? 0;
    }

    /// <summary>Vertical space a line needs: ascent plus descent, or 0 without a font.</summary>
    public static float LineHeight(float size)
    {
        using var font = Fonts.Create(size);
        return font is null ? 0 : font.Metrics.Descent - font.Metrics.Ascent;
    }

    /// <summary>Draws text whose vertical centre is at y (easier to align with ticks and cells than a baseline).</summary>
    public static void Draw(SKCanvas canvas, string text, float x, float centreY, float size, SKTextAlign align = SKTextAlign.Left,
        SKColor? color = null)
    {
        using var font = Fonts.Create(size);
        if (font is null || text.Length == 0) return;
        using var paint = new SKPaint { Color = color ?? Ink, IsAntialias = true };
        var baseline = centreY - (font.Metrics.Ascent + font.Metrics.Descent) / 2;
        canvas.DrawText(text, x, baseline, align, font, paint);
    }

    /// <summary>Draws text rotated 90 degrees anticlockwise (a y-axis label), centred on (x, y).</summary>
    public static void DrawVertical(SKCanvas canvas, string text, float x, float y, float size)
    {
        canvas.Save();
        canvas.RotateDegrees(-90, x, y);
        Draw(canvas, text, x, y, size, SKTextAlign.Center);
        canvas.Restore();
    }

    /// <summary>The text, shortened with an ellipsis if needed so that it fits maxWidth.</summary>
    public static string Fit(string text, float maxWidth, float size)
    {
        if (Width(text, size) <= maxWidth) return text;
        for (var length = text.Length - 1; length > 0; length--)
        {
            var candidate = string.Concat(text.AsSpan(0, length), "…");
            if (Width(candidate, size) <= maxWidth) return candidate;
        }
        return "";
    }
}
