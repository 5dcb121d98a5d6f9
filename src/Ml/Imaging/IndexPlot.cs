using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

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
        using var plot = PlotStyle.Create(title, "index", yLabel);
        var bars = Enumerable.Range(0, values.Count).Where(i => double.IsFinite(values[i]))
            .Select(i => new Bar { Position = i, Value = values[i], Size = 0.8, FillColor = PlotStyle.Series(0), LineWidth = 0 })
            .ToList();
        if (bars.Count > 0) plot.Add.Bars(bars);

        if (referenceLine is { } reference)
        {
            var line = plot.Add.HorizontalLine(reference, 1.5f, PlotStyle.Reference, LinePattern.Dashed);
            // Labelled in the right margin, where it cannot cover bars.
            line.Text = reference.ToString("G4", CultureInfo.InvariantCulture);
            line.LabelOppositeAxis = true;
            line.LabelFontSize = PlotStyle.TickSize;
            line.LabelRotation = 0;
            line.LabelAlignment = Alignment.MiddleLeft;
            plot.Axes.Right.MinimumSize = Text.Width(line.Text, PlotStyle.TickSize) + 16;
        }

        // Bars start at zero, so zero is always on the axis; so is the reference line. Headroom keeps the tallest
        // bar and a reference line at the maximum off the frame.
        List<double> shown = [.. finite, 0, referenceLine ?? 0];
        var (low, high) = (shown.Min(), shown.Max());
        if (high - low <= 0) high = low + 1;
        var headroom = 0.05 * (high - low);
        var count = Math.Max(values.Count, 1);
        plot.Axes.SetLimits(-0.5, count - 0.5, low < 0 ? low - headroom : low, high > 0 ? high + headroom : high);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Bottom.MinorTickStyle.Length = 0; // a minor tick per index would be a blur

        if (finite.Count == 0) PlotStyle.Note(plot, values.Count == 0 ? "no data" : "no finite values", Alignment.MiddleCenter);
        return PlotStyle.Png(plot, width, height);
    }
}
