using System.Globalization;
using ScottPlot;

namespace VaeFaces.Ml.Imaging;

/// <summary>Line chart of one or more series (e.g. loss curves per epoch) with a legend, drawn with ScottPlot.</summary>
public static class LinePlot
{
    private const int MarkerLimit = 40;

    /// <param name="logY">Base-10 log y axis; points with y &lt;= 0 are left out and counted in a note.</param>
    public static byte[] RenderPng(string title, string xLabel, string yLabel, IReadOnlyList<PlotSeries> series,
        int width = 800, int height = 500, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(xLabel);
        ArgumentNullException.ThrowIfNull(yLabel);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 150);
        foreach (var s in series)
        {
            if (s.X.Count != s.Y.Count)
                throw new ArgumentException($"Series '{s.Name}' has {s.X.Count} x values but {s.Y.Count} y values.", nameof(series));
        }

        bool Visible(double x, double y) => double.IsFinite(x) && double.IsFinite(y) && (!logY || y > 0);
        // A log axis plots log10(y) on a linear axis whose tick labels show y.
        double Plotted(double y) => logY ? Math.Log10(y) : y;
        var visible = series.SelectMany(s => s.X.Zip(s.Y)).Where(p => Visible(p.First, p.Second)).ToList();
        var hiddenByLog = logY ? series.Sum(s => s.X.Zip(s.Y).Count(p => double.IsFinite(p.First) && p.Second <= 0)) : 0;

        using var plot = PlotStyle.Create(title, xLabel, yLabel);
        for (var i = 0; i < series.Count; i++)
            AddSeries(plot, series[i], PlotStyle.Series(i), PlotStyle.SeriesPattern(i), Visible, Plotted);

        if (visible.Count == 0)
        {
            plot.Axes.SetLimits(0, 1, 0, 1);
            PlotStyle.Note(plot, "no data", Alignment.MiddleCenter);
        }
        else
        {
            var (xMin, xMax) = Padded(visible.Min(p => p.First), visible.Max(p => p.First), minimumSpan: 0);
            // Six tenths of a decade always hold two labelled multiples of a power of ten.
            var (yMin, yMax) = Padded(visible.Min(p => Plotted(p.Second)), visible.Max(p => Plotted(p.Second)), logY ? 0.6 : 0);
            plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        }
        if (logY)
        {
            plot.Axes.Left.TickGenerator = new LogTicks();
            // Faint lines at the unlabelled multiples show that the axis is logarithmic.
            plot.Grid.YAxisStyle.MinorLineStyle.Color = PlotStyle.GridLines.WithAlpha(0.6);
            plot.Grid.YAxisStyle.MinorLineStyle.Width = 1;
        }
        if (hiddenByLog > 0)
        {
            var count = hiddenByLog.ToString(CultureInfo.InvariantCulture);
            PlotStyle.Note(plot, $"{count} values <= 0 not shown on the log axis", Alignment.LowerRight);
        }
        if (series.Count > 1)
        {
            // Under the data rather than over it, so that no curve is ever hidden.
            var panel = plot.ShowLegend(Edge.Bottom);
            // ScottPlot's 20 px above and below waste the plot's height; with 2 below, the legend lost its third row of names.
            panel.Padding = new PixelPadding(0, 0, 6, 12);
            plot.Legend.FontSize = PlotStyle.NoteSize;
            plot.Legend.ShadowColor = Colors.Transparent;
            plot.Legend.OutlineColor = PlotStyle.GridLines;
        }
        else plot.HideLegend();
        return PlotStyle.Png(plot, width, height);
    }

    /// <summary>
    /// Adds the series as one line per run of visible points, so that non-finite points leave gaps; markers show
    /// every point of a sparse series and any point standing alone between gaps, which would otherwise be invisible.
    /// </summary>
    private static void AddSeries(Plot plot, PlotSeries series, Color color, LinePattern pattern, Func<double, double, bool> visible,
        Func<double, double> plotted)
    {
        var runs = new List<List<Coordinates>> { new() };
        for (var i = 0; i < series.X.Count; i++)
        {
            if (visible(series.X[i], series.Y[i])) runs[^1].Add(new Coordinates(series.X[i], plotted(series.Y[i])));
            else if (runs[^1].Count > 0) runs.Add([]);
        }
        // A series with nothing to draw keeps one empty line, so that it still has its legend entry.
        if (runs.Count > 1 && runs[^1].Count == 0) runs.RemoveAt(runs.Count - 1);
        var markers = runs.Sum(r => r.Count) <= MarkerLimit;
        for (var r = 0; r < runs.Count; r++)
        {
            var line = plot.Add.Scatter(runs[r], color);
            line.LineWidth = 2;
            line.LinePattern = pattern;
            line.MarkerSize = markers || runs[r].Count == 1 ? 6 : 0;
            if (r == 0) line.LegendText = series.Name;
        }
    }

    /// <summary>The range with 4% space on both sides; a single value gets a small range around it instead.</summary>
    private static (double Min, double Max) Padded(double min, double max, double minimumSpan)
    {
        if (max - min <= 1e-12 * Math.Max(Math.Abs(min), Math.Abs(max)))
        {
            var half = Math.Max(min == 0 ? 1 : Math.Abs(min) * 0.1, minimumSpan / 2);
            return (min - half, max + half);
        }
        var pad = 0.04 * (max - min);
        (min, max) = (min - pad, max + pad);
        var grow = Math.Max(0, minimumSpan - (max - min)) / 2;
        return (min - grow, max + grow);
    }
}
