using System.Globalization;
using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>Line chart of one or more series (e.g. loss curves per epoch) with round ticks and a legend.</summary>
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
        var visible = series.SelectMany(s => s.X.Zip(s.Y)).Where(p => Visible(p.First, p.Second)).ToList();
        var hiddenByLog = logY ? series.Sum(s => s.X.Zip(s.Y).Count(p => double.IsFinite(p.First) && p.Second <= 0)) : 0;

        AxisScale xAxis, yAxis;
        if (visible.Count == 0)
        {
            xAxis = AxisScale.Linear(0, 1);
            yAxis = logY ? AxisScale.Log10(1, 10) : AxisScale.Linear(0, 1);
        }
        else
        {
            xAxis = AxisScale.Linear(visible.Min(p => p.First), visible.Max(p => p.First));
            var (yMin, yMax) = (visible.Min(p => p.Second), visible.Max(p => p.Second));
            yAxis = logY ? AxisScale.Log10(yMin, yMax) : AxisScale.Linear(yMin, yMax);
        }

        return Png.Render(width, height, canvas =>
        {
            var area = PlotArea.Layout(width, height, xAxis, yAxis, xLabel.Length > 0, yLabel.Length > 0);
            area.DrawAxes(canvas, title, xLabel, yLabel);

            var pixels = new List<SKPoint>();
            canvas.Save();
            canvas.ClipRect(area.Bounds);
            for (var i = 0; i < series.Count; i++)
                pixels.AddRange(DrawSeries(canvas, area, series[i], Palette.Series(i), Visible));
            canvas.Restore();

            if (visible.Count == 0) area.DrawNote(canvas, "no data");
            else if (hiddenByLog > 0)
                Text.Draw(canvas, $"{hiddenByLog.ToString(CultureInfo.InvariantCulture)} values <= 0 not shown on the log axis",
                    area.Bounds.Right - 4, area.Bounds.Bottom - 10, 11, SKTextAlign.Right, Palette.Frame);
            if (series.Count > 1)
                Legend.Draw(canvas, area, [.. series.Select((s, i) => (s.Name, Palette.Series(i)))], pixels);
        });
    }

    /// <summary>Draws the series as connected runs of visible points and returns the pixels it passes through.</summary>
    private static List<SKPoint> DrawSeries(SKCanvas canvas, PlotArea area, PlotSeries series, SKColor color, Func<double, double, bool> visible)
    {
        using var stroke = new SKPaint
        {
            Color = color, StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke,
            StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Round,
        };
        using var dot = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

        var runs = new List<List<SKPoint>> { new() };
        for (var i = 0; i < series.X.Count; i++)
        {
            if (visible(series.X[i], series.Y[i])) runs[^1].Add(new SKPoint(area.X(series.X[i]), area.Y(series.Y[i])));
            else if (runs[^1].Count > 0) runs.Add([]);
        }

        var all = runs.SelectMany(r => r).ToList();
        var markers = all.Count <= MarkerLimit;
        foreach (var run in runs.Where(r => r.Count > 0))
        {
            if (run.Count > 1) canvas.DrawPoints(SKPointMode.Polygon, [.. run], stroke);
            // A lone point between gaps would otherwise be invisible.
            if (markers || run.Count == 1)
                foreach (var p in run) canvas.DrawCircle(p, 3, dot);
        }
        return [.. all, .. Midpoints(runs)];
    }

    /// <summary>Points along each segment, so that the legend avoids lines between sparse data points too.</summary>
    private static IEnumerable<SKPoint> Midpoints(List<List<SKPoint>> runs)
    {
        foreach (var run in runs)
        {
            for (var i = 1; i < run.Count; i++)
            {
                for (var t = 1; t < 8; t++)
                    yield return run[i - 1] + new SKPoint((run[i].X - run[i - 1].X) * t / 8, (run[i].Y - run[i - 1].Y) * t / 8);
            }
        }
    }
}
