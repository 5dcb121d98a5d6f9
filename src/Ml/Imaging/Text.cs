using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>Draws and measures the few labels drawn outside ScottPlot (image grid labels, the histogram grid's title).</summary>
internal static class Text
{
    public static readonly SKColor Ink = PlotStyle.Ink.ToSKColor();
    public static readonly SKColor Muted = PlotStyle.Muted.ToSKColor();

    public static float Width(string text, float size)
    {
        using var font = Create(size);
        return font.MeasureText(text);
    }

    /// <summary>Vertical space a line needs: ascent plus descent.</summary>
    public static float LineHeight(float size)
    {
        using var font = Create(size);
        return font.Metrics.Descent - font.Metrics.Ascent;
    }

    /// <summary>Draws text whose vertical centre is at y (easier to align with cells than a baseline).</summary>
    public static void Draw(SKCanvas canvas, string text, float x, float centreY, float size, SKTextAlign align = SKTextAlign.Left,
        SKColor? color = null)
    {
        if (text.Length == 0) return;
        using var font = Create(size);
        using var paint = new SKPaint { Color = color ?? Ink, IsAntialias = true };
        var baseline = centreY - (font.Metrics.Ascent + font.Metrics.Descent) / 2;
        canvas.DrawText(text, x, baseline, align, font, paint);
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

    private static SKFont Create(float size) => new(PlotFont.Typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
}
