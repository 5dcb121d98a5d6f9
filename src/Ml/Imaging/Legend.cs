using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>A boxed list of colour swatches and names, placed in the corner of the plot that hides the fewest data points.</summary>
internal static class Legend
{
    private const float Size = 12;
    private const float Inset = 8;
    private const float Padding = 6;
    private const float Swatch = 18;

    public static void Draw(SKCanvas canvas, PlotArea area, IReadOnlyList<(string Name, SKColor Color)> entries, IReadOnlyList<SKPoint> dataPixels)
    {
        if (entries.Count == 0 || !Text.Available) return;
        var rowHeight = Text.LineHeight(Size) + 4;
        var width = Padding * 2 + Swatch + 6 + entries.Max(e => Text.Width(e.Name, Size));
        var height = Padding * 2 + rowHeight * entries.Count;
        var box = BestCorner(area.Bounds, width, height, dataPixels);

        using var fill = new SKPaint { Color = Palette.Background.WithAlpha(235), Style = SKPaintStyle.Fill };
        using var border = new SKPaint { Color = Palette.Grid, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawRect(box, fill);
        canvas.DrawRect(box, border);
        for (var i = 0; i < entries.Count; i++)
        {
            var centreY = box.Top + Padding + rowHeight * (i + 0.5f);
            using var line = new SKPaint { Color = entries[i].Color, StrokeWidth = 3, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
            canvas.DrawLine(box.Left + Padding, centreY, box.Left + Padding + Swatch, centreY, line);
            Text.Draw(canvas, entries[i].Name, box.Left + Padding + Swatch + 6, centreY, Size);
        }
    }

    private static SKRect BestCorner(SKRect bounds, float width, float height, IReadOnlyList<SKPoint> dataPixels)
    {
        SKRect[] corners =
        [
            SKRect.Create(bounds.Right - Inset - width, bounds.Top + Inset, width, height),
            SKRect.Create(bounds.Left + Inset, bounds.Top + Inset, width, height),
            SKRect.Create(bounds.Right - Inset - width, bounds.Bottom - Inset - height, width, height),
            SKRect.Create(bounds.Left + Inset, bounds.Bottom - Inset - height, width, height),
        ];
        // MinBy keeps the first of equal counts, so the top-right corner wins ties.
        return corners.MinBy(c => dataPixels.Count(c.Contains));
    }
}
