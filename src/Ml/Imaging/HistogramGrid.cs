using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>
/// Small histograms in a grid, one per panel (e.g. per latent dimension), drawn as densities on one shared x
/// range so that they compare with each other and with the standard-normal prior curve overlaid on each.
/// Each panel is a ScottPlot plot rendered into its cell of one canvas: a light frame with a dark baseline, x tick
/// marks and no y axis.
/// </summary>
public static class HistogramGrid
{
    private const int PanelWidth = 120;
    private const int PanelHeight = 84;
    private const int Gap = 10;
    private const int Margin = 16;
    private const float NoteSize = 11;
    private const float LabelSize = 10;
    private static readonly Color Bars = PlotStyle.Series(0).WithAlpha(190);
    private static readonly Color Curve = PlotStyle.Series(1);
    private static readonly Color Frame = Color.FromHex("#cccccc");

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
        var range = SharedRange(valuesPerPanel, overlayStandardNormal);

        var titleHeight = Text.LineHeight(PlotStyle.TitleSize) + 8;
        var noteHeight = Text.LineHeight(NoteSize) + 8;
        var tickHeight = (int)MathF.Ceiling(Text.LineHeight(LabelSize)) + 8;
        var top = Margin + titleHeight + noteHeight;
        var gridWidth = columns * PanelWidth + (columns - 1) * Gap;
        var width = Math.Max(2 * Margin + gridWidth, 360);
        var left = (width - gridWidth) / 2; // centred when the title's minimum width is wider than a few panels
        var height = (int)MathF.Ceiling(top + rows * PanelHeight + (rows - 1) * Gap + tickHeight + Margin);

        return Png.Render(width, height, canvas =>
        {
            Text.Draw(canvas, title, width / 2f, Margin + titleHeight / 2, PlotStyle.TitleSize, SKTextAlign.Center);
            var note = overlayStandardNormal ? "bars: density of values   line: standard normal N(0, 1)" : "bars: density of values";
            Text.Draw(canvas, note, width / 2f, Margin + titleHeight + noteHeight / 2, NoteSize, SKTextAlign.Center, Text.Muted);
            if (panels == 0)
            {
                Text.Draw(canvas, "no data", width / 2f, top + PanelHeight / 2f, 13, SKTextAlign.Center, Text.Muted);
                return;
            }
            for (var i = 0; i < panels; i++)
            {
                var (row, column) = Math.DivRem(i, columns);
                // Tick labels go under the lowest panel of each column only: the x range is shared.
                var lowest = i + columns >= panels;
                var cell = new PixelRect(new Pixel(left + column * (PanelWidth + Gap), top + row * (PanelHeight + Gap)),
                    new PixelSize(PanelWidth, PanelHeight + (lowest ? tickHeight : 0)));
                using var plot = Panel(i, valuesPerPanel[i] ?? [], range, bins, overlayStandardNormal,
                    lowest ? tickHeight : 0);
                plot.Render(canvas, cell);
            }
        });
    }

    /// <summary>
    /// One x range for all panels: the bulk of all values (0.1% to 99.9%, so a few outliers do not squash every
    /// histogram) joined with [-3.5, 3.5] when the prior is overlaid.
    /// </summary>
    private static (double Min, double Max) SharedRange(IReadOnlyList<float[]> valuesPerPanel, bool overlay)
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
        // A single value becomes a small interval around it, so that its bin has a width.
        if (high - low < 1e-9)
        {
            var half = Math.Max(1, Math.Abs(low) * 0.1);
            (low, high) = (low - half, high + half);
        }
        return (low, high);
    }

    /// <param name="tickLabelHeight">Room under the data area for x tick labels; 0 draws tick marks only.</param>
    private static Plot Panel(int index, float[] values, (double Min, double Max) range, int bins, bool overlay, int tickLabelHeight)
    {
        PlotFont.UseInScottPlot();
        var (min, max) = range;
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

        var plot = new Plot();
        // The panel shares its canvas with the other panels, which clearing would erase.
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        plot.Layout.Fixed(new PixelPadding(0, 0, tickLabelHeight, 0));
        plot.HideGrid();
        plot.Axes.SetLimits(min, max, 0, yMax);
        plot.Axes.FrameColor(Frame);
        plot.Axes.Bottom.FrameLineStyle.Color = PlotStyle.Muted;
        plot.Axes.Left.TickGenerator = new EmptyTickGenerator();
        plot.Axes.Bottom.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Bottom.TickLabelStyle.IsVisible = tickLabelHeight > 0;
        plot.Axes.Bottom.MajorTickStyle.Length = 3;
        plot.Axes.Bottom.MajorTickStyle.Color = PlotStyle.Muted;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;

        var bars = Enumerable.Range(0, bins).Where(b => counts[b] > 0)
            .Select(b => new Bar
            {
                Position = min + (b + 0.5) * binWidth, Value = densities[b], Size = binWidth, FillColor = Bars, LineWidth = 0,
            }).ToList();
        if (bars.Count > 0) plot.Add.Bars(bars);
        if (overlay)
        {
            var xs = Enumerable.Range(0, 121).Select(k => min + (max - min) * k / 120).ToArray();
            var curve = plot.Add.Scatter(xs, [.. xs.Select(StandardNormal)], Curve);
            curve.LineWidth = 1.5f;
            curve.MarkerSize = 0;
        }
        Label(plot, index.ToString(CultureInfo.InvariantCulture), Alignment.UpperLeft);
        if (total == 0) Label(plot, "n/a", Alignment.MiddleCenter);
        return plot;
    }

    private static void Label(Plot plot, string text, Alignment alignment)
    {
        var label = PlotStyle.Note(plot, text, alignment, LabelSize, alignment == Alignment.UpperLeft ? PlotStyle.Ink : PlotStyle.Muted);
        label.LabelBackgroundColor = Colors.Transparent;
        label.LabelPadding = 2;
        label.OffsetX = 3;
        label.OffsetY = 2;
    }

    private static double StandardNormal(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
}
