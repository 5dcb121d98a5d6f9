using System.Globalization;
using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>
/// A bar per index (e.g. the per-dimension mean of z_mean or of the posterior std) measured from zero,
/// with an optional dashed horizontal reference line such as the prior's 0 or 1.
/// </summary>
public static class IndexPlot
{
    public static byte[] RenderPng(string title, string yLabel, IReadOnlyList<double> values, double? referenceLine = null,
        int width = 900, int height = 400)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(yLabel);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 150);
        if (referenceLine is { } r && !double.IsFinite(r)) referenceLine = null;

        var finite = values.Where(double.IsFinite).ToList();
        // Bars start at zero, so zero is always on the axis; so is the reference line.
        var low = finite.Append(0).Append(referenceLine ?? 0).Min();
        var high = finite.Append(0).Append(referenceLine ?? 0).Max();
        // Headroom keeps the tallest bar and a reference line at the maximum off the frame.
        var headroom = 0.05 * (high - low);
        var yAxis = AxisScale.Linear(low < 0 ? low - headroom : low, high > 0 ? high + headroom : high);
        var count = Math.Max(values.Count, 1);
        var xAxis = AxisScale.Linear(-0.5, count - 0.5, targetTicks: 10, extendToTicks: false, integerTicks: true);

        return Png.Render(width, height, canvas =>
        {
            var referenceLabel = referenceLine?.ToString("G4", CultureInfo.InvariantCulture) ?? "";
            // The reference value is labelled in the right margin, where it cannot cover bars.
            var area = PlotArea.Layout(width, height, xAxis, yAxis, hasXLabel: true, hasYLabel: yLabel.Length > 0,
                minRight: Text.Width(referenceLabel, PlotArea.TickSize) + 12);
            area.DrawAxes(canvas, title, "index", yLabel);

            var slot = area.Bounds.Width / count;
            var barWidth = Math.Max(1, slot * 0.8f);
            using var bar = new SKPaint { Color = Palette.Series(0), IsAntialias = slot >= 3, Style = SKPaintStyle.Fill };
            var zero = area.Y(0);
            for (var i = 0; i < values.Count; i++)
            {
                if (!double.IsFinite(values[i])) continue;
                var x = area.X(i);
                var y = area.Y(values[i]);
                // Keep a hairline for values at zero so that every index is visibly present.
                var top = Math.Min(y, zero - 0.5f);
                var bottom = Math.Max(y, zero + 0.5f);
                canvas.DrawRect(new SKRect(x - barWidth / 2, top, x + barWidth / 2, bottom), bar);
            }

            if (referenceLine is { } reference)
            {
                using var dashes = SKPathEffect.CreateDash([6, 4], 0);
                using var line = new SKPaint
                {
                    Color = Palette.Reference, StrokeWidth = 1.5f, IsAntialias = true, Style = SKPaintStyle.Stroke, PathEffect = dashes,
                };
                var y = area.Y(reference);
                canvas.DrawLine(area.Bounds.Left, y, area.Bounds.Right, y, line);
                Text.Draw(canvas, referenceLabel, area.Bounds.Right + 4, y, PlotArea.TickSize, SKTextAlign.Left, Palette.Reference);
            }

            if (finite.Count == 0) area.DrawNote(canvas, values.Count == 0 ? "no data" : "no finite values");
        });
    }
}
