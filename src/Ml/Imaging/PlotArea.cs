using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>
/// The data rectangle of a chart with its two axes: maps data values to pixels and draws the grid, frame,
/// tick labels, axis labels and title shared by the line and index plots.
/// </summary>
internal sealed class PlotArea
{
    public const float TitleSize = 17;
    public const float LabelSize = 13;
    public const float TickSize = 11;
    private const float TickLength = 4;

    public PlotArea(SKRect bounds, AxisScale x, AxisScale y)
    {
        Bounds = bounds;
        XAxis = x;
        YAxis = y;
    }

    public SKRect Bounds { get; }
    public AxisScale XAxis { get; }
    public AxisScale YAxis { get; }

    public float X(double value) => (float)(Bounds.Left + XAxis.Fraction(value) * Bounds.Width);
    public float Y(double value) => (float)(Bounds.Bottom - YAxis.Fraction(value) * Bounds.Height);

    /// <summary>
    /// Lays out a chart of the given size: room at the top for the title, at the left for the y tick labels and
    /// axis label, at the bottom for the x tick labels and axis label, and at least minRight at the right.
    /// </summary>
    public static PlotArea Layout(int width, int height, AxisScale x, AxisScale y, bool hasXLabel, bool hasYLabel, float minRight = 0)
    {
        var tickWidth = y.Labels.Select(l => Text.Width(l, TickSize)).DefaultIfEmpty(0).Max();
        var tickHeight = Math.Max(Text.LineHeight(TickSize), 4);
        var left = 12 + (hasYLabel ? Text.LineHeight(LabelSize) + 8 : 0) + tickWidth + TickLength + 4;
        var top = 14 + Text.LineHeight(TitleSize) + 8;
        var bottom = 10 + tickHeight + TickLength + 4 + (hasXLabel ? Text.LineHeight(LabelSize) + 6 : 0);
        // Half a tick label sticks out to the right of the last x tick.
        var right = Math.Max(minRight, 16 + x.Labels.Select(l => Text.Width(l, TickSize)).DefaultIfEmpty(0).Last() / 2);
        return new PlotArea(new SKRect(left, top, width - right, height - bottom), x, y);
    }

    public void DrawAxes(SKCanvas canvas, string title, string xLabel, string yLabel)
    {
        using var grid = new SKPaint { Color = Palette.Grid, StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        using var frame = new SKPaint { Color = Palette.Frame, StrokeWidth = 1, Style = SKPaintStyle.Stroke, IsAntialias = false };

        var labelY = Bounds.Bottom + TickLength + 3 + Text.LineHeight(TickSize) / 2;
        for (var i = 0; i < XAxis.Ticks.Count; i++)
        {
            var px = Snap(X(XAxis.Ticks[i]));
            canvas.DrawLine(px, Bounds.Top, px, Bounds.Bottom, grid);
            canvas.DrawLine(px, Bounds.Bottom, px, Bounds.Bottom + TickLength, frame);
            Text.Draw(canvas, XAxis.Labels[i], px, labelY, TickSize, SKTextAlign.Center);
        }
        for (var i = 0; i < YAxis.Ticks.Count; i++)
        {
            var py = Snap(Y(YAxis.Ticks[i]));
            canvas.DrawLine(Bounds.Left, py, Bounds.Right, py, grid);
            canvas.DrawLine(Bounds.Left - TickLength, py, Bounds.Left, py, frame);
            Text.Draw(canvas, YAxis.Labels[i], Bounds.Left - TickLength - 3, py, TickSize, SKTextAlign.Right);
        }
        canvas.DrawRect(Snap(Bounds.Left), Snap(Bounds.Top), Snap(Bounds.Right) - Snap(Bounds.Left), Snap(Bounds.Bottom) - Snap(Bounds.Top), frame);

        Text.Draw(canvas, title, Bounds.MidX, 14 + Text.LineHeight(TitleSize) / 2, TitleSize, SKTextAlign.Center);
        if (xLabel.Length > 0)
            Text.Draw(canvas, xLabel, Bounds.MidX, labelY + Text.LineHeight(TickSize) / 2 + 6 + Text.LineHeight(LabelSize) / 2, LabelSize,
                SKTextAlign.Center);
        if (yLabel.Length > 0)
            Text.DrawVertical(canvas, yLabel, 12 + Text.LineHeight(LabelSize) / 2, Bounds.MidY, LabelSize);
    }

    /// <summary>Writes a note such as "no data" in the middle of the data rectangle.</summary>
    public void DrawNote(SKCanvas canvas, string note) =>
        Text.Draw(canvas, note, Bounds.MidX, Bounds.MidY, LabelSize, SKTextAlign.Center, Palette.Frame);

    /// <summary>Centres one-pixel lines on a pixel so that they are crisp rather than two grey pixels wide.</summary>
    private static float Snap(float coordinate) => MathF.Floor(coordinate) + 0.5f;
}
