using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace VaeFaces.Ml.Imaging;

/// <summary>One cell of a <see cref="HistogramGrid"/>: a density histogram on the shared x range, optionally with the N(0, 1) curve.</summary>
internal static class HistogramPanel
{
    public const float LabelSize = 10;
    private static readonly Color Bars = PlotStyle.Series(0).WithAlpha(190);
    private static readonly Color Curve = PlotStyle.Series(1);
    private static readonly Color Frame = Color.FromHex("#cccccc");

    /// <param name="tickLabelHeight">Room under the data area for x tick labels; 0 draws tick marks only.</param>
    public static Plot Create(int index, float[] values, (double Min, double Max) range, int bins, bool overlay, int tickLabelHeight)
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
        Style(plot, tickLabelHeight > 0);

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

    /// <summary>A light frame with a dark baseline, x tick marks (labelled on request) and no y axis.</summary>
    private static void Style(Plot plot, bool tickLabels)
    {
        plot.Axes.FrameColor(Frame);
        plot.Axes.Bottom.FrameLineStyle.Color = PlotStyle.Muted;
        plot.Axes.Left.TickGenerator = new EmptyTickGenerator();
        plot.Axes.Bottom.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Bottom.TickLabelStyle.IsVisible = tickLabels;
        plot.Axes.Bottom.MajorTickStyle.Length = 3;
        plot.Axes.Bottom.MajorTickStyle.Color = PlotStyle.Muted;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
    }

    private static void Label(Plot plot, string text, Alignment alignment)
    {
        var label = plot.Add.Annotation(text, alignment);
        label.LabelFontSize = LabelSize;
        label.LabelFontColor = alignment == Alignment.UpperLeft ? PlotStyle.Ink : PlotStyle.Muted;
        label.LabelBackgroundColor = Colors.Transparent;
        label.LabelBorderWidth = 0;
        label.LabelShadowColor = Colors.Transparent;
        label.LabelPadding = 2;
        label.OffsetX = 3;
        label.OffsetY = 2;
    }

    private static double StandardNormal(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
}
