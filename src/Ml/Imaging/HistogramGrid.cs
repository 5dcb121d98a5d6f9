using System.Globalization;
using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>
/// Small histograms in a grid, one per panel (e.g. per latent dimension), drawn as densities on one shared x
/// range so that they compare with each other and with the standard-normal prior curve overlaid on each.
/// </summary>
public static class HistogramGrid
{
    private const int PanelWidth = 120;
    private const int PanelHeight = 84;
    private const int Gap = 10;
    private const int Margin = 16;
    private const float TitleSize = 17;
    private const float NoteSize = 11;
    private const float PanelLabelSize = 10;
    private static readonly SKColor Bars = Palette.Series(0).WithAlpha(190);
    private static readonly SKColor Curve = Palette.Series(1);

    public static byte[] RenderPng(string title, IReadOnlyList<float[]> valuesPerPanel, int columns = 10, int bins = 30,
        bool overlayStandardNormal = true)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(valuesPerPanel);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);

        var panels = valuesPerPanel.Count;
        columns = Math.Min(columns, Math.Max(panels, 1));
        var rows = Math.Max(1, (panels + columns - 1) / columns);
        var xAxis = SharedRange(valuesPerPanel, overlayStandardNormal);

        var titleHeight = Text.Available ? Text.LineHeight(TitleSize) + 8 : 0;
        var noteHeight = Text.Available ? Text.LineHeight(NoteSize) + 8 : 0;
        var tickHeight = Text.Available ? Text.LineHeight(PanelLabelSize) + 6 : 4;
        var top = Margin + titleHeight + noteHeight;
        var gridWidth = columns * PanelWidth + (columns - 1) * Gap;
        var width = Math.Max(2 * Margin + gridWidth, 360);
        var left = (width - gridWidth) / 2; // centred when the title's minimum width is wider than a few panels
        var height = (int)MathF.Ceiling(top + rows * PanelHeight + (rows - 1) * Gap + tickHeight + Margin);

        return Png.Render(width, height, canvas =>
        {
            Text.Draw(canvas, title, width / 2f, Margin + titleHeight / 2, TitleSize, SKTextAlign.Center);
            var note = overlayStandardNormal ? "bars: density of values   line: standard normal N(0, 1)" : "bars: density of values";
            Text.Draw(canvas, note, width / 2f, Margin + titleHeight + noteHeight / 2, NoteSize, SKTextAlign.Center, Palette.Frame);
            if (panels == 0)
            {
                Text.Draw(canvas, "no data", width / 2f, top + PanelHeight / 2f, 13, SKTextAlign.Center, Palette.Frame);
                return;
            }
            for (var i = 0; i < panels; i++)
            {
                var (row, column) = Math.DivRem(i, columns);
                var bounds = SKRect.Create(left + column * (PanelWidth + Gap), top + row * (PanelHeight + Gap), PanelWidth, PanelHeight);
                // Tick labels go under the lowest panel of each column only: the x range is shared.
                var lowest = i + columns >= panels;
                DrawPanel(canvas, bounds, i, valuesPerPanel[i] ?? [], xAxis, bins, overlayStandardNormal, lowest);
            }
        });
    }

    private static void DrawPanel(SKCanvas canvas, SKRect bounds, int index, float[] values, AxisScale xAxis, int bins, bool overlay,
        bool tickLabels)
    {
        var (min, max) = (xAxis.Min, xAxis.Max);
        var binWidth = (max - min) / bins;
        var counts = new int[bins];
        var total = 0;
        foreach (var v in values)
        {
            if (!float.IsFinite(v)) continue;
            total++;
            // Values outside the shared range count towards the total but are not drawn, so areas stay comparable.
            if (v < min || v > max) continue;
            counts[Math.Min((int)((v - min) / binWidth), bins - 1)]++;
        }
        var densities = counts.Select(c => total == 0 ? 0 : c / (total * binWidth)).ToArray();
        var yMax = Math.Max(densities.DefaultIfEmpty(0).Max(), overlay ? StandardNormal(0) : 0) * 1.12;
        if (yMax <= 0) yMax = 1;

        float X(double x) => (float)(bounds.Left + (x - min) / (max - min) * bounds.Width);
        float Y(double density) => (float)(bounds.Bottom - density / yMax * bounds.Height);

        using var frame = new SKPaint { Color = Palette.Grid, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        using var ink = new SKPaint { Color = Palette.Frame, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        using var fill = new SKPaint { Color = Bars, Style = SKPaintStyle.Fill, IsAntialias = false };

        canvas.DrawRect(bounds, frame);
        for (var b = 0; b < bins; b++)
        {
            if (counts[b] == 0) continue;
            canvas.DrawRect(new SKRect(X(min + b * binWidth), Y(densities[b]), X(min + (b + 1) * binWidth), bounds.Bottom), fill);
        }
        if (overlay)
        {
            using var curve = new SKPaint { Color = Curve, StrokeWidth = 1.5f, IsAntialias = true, Style = SKPaintStyle.Stroke };
            var points = Enumerable.Range(0, 121).Select(k => min + (max - min) * k / 120)
                .Select(x => new SKPoint(X(x), Y(StandardNormal(x)))).ToArray();
            canvas.DrawPoints(SKPointMode.Polygon, points, curve);
        }
        canvas.DrawLine(bounds.Left, bounds.Bottom, bounds.Right, bounds.Bottom, ink);
        foreach (var tick in xAxis.Ticks)
            canvas.DrawLine(X(tick), bounds.Bottom, X(tick), bounds.Bottom + 3, ink);

        Text.Draw(canvas, index.ToString(CultureInfo.InvariantCulture), bounds.Left + 4, bounds.Top + 8, PanelLabelSize);
        if (total == 0) Text.Draw(canvas, "n/a", bounds.MidX, bounds.MidY, PanelLabelSize, SKTextAlign.Center, Palette.Frame);
        if (tickLabels)
        {
            // Labels at the panel edges would run into the neighbouring panel's, so only inner ticks are labelled.
            for (var t = 1; t < xAxis.Ticks.Count - 1; t++)
                Text.Draw(canvas, xAxis.Labels[t], X(xAxis.Ticks[t]), bounds.Bottom + 4 + Text.LineHeight(PanelLabelSize) / 2,
                    PanelLabelSize, SKTextAlign.Center);
        }
    }

    /// <summary>
    /// One x range for all panels: the bulk of all values (0.1% to 99.9%, so a few outliers do not squash every
    /// histogram) joined with [-3.5, 3.5] when the prior is overlaid, rounded out to ticks.
    /// </summary>
    private static AxisScale SharedRange(IReadOnlyList<float[]> valuesPerPanel, bool overlay)
    {
        var all = valuesPerPanel.Where(v => v is not null).SelectMany(v => v).Where(float.IsFinite).ToArray();
        double low = overlay ? -3.5 : double.PositiveInfinity, high = overlay ? 3.5 : double.NegativeInfinity;
        if (all.Length > 0)
        {
            Array.Sort(all);
            low = Math.Min(low, all[(int)(0.001 * (all.Length - 1))]);
            high = Math.Max(high, all[(int)Math.Ceiling(0.999 * (all.Length - 1))]);
        }
        if (!double.IsFinite(low)) (low, high) = (-1, 1);
        return AxisScale.Linear(low, high, targetTicks: 5);
    }

    private static double StandardNormal(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
}
