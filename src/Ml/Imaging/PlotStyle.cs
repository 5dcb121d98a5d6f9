using ScottPlot;

namespace VaeFaces.Ml.Imaging;

/// <summary>The look shared by the ScottPlot charts: embedded font, text sizes, tab10 series colours and a light grid.</summary>
internal static class PlotStyle
{
    public const float TitleSize = 17;
    public const float LabelSize = 14;
    public const float TickSize = 12;
    public const float NoteSize = 12;

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10(); // matplotlib's "tab10"

    public static readonly Color Reference = Color.FromHex("#d62728");
    public static readonly Color Ink = Color.FromHex("#222222");
    public static readonly Color Muted = Color.FromHex("#555555");
    public static readonly Color GridLines = Color.FromHex("#e6e6e6");

    public static Color Series(int index) => Palette.GetColor(index);

    /// <summary>Series past the palette's colours reuse them dashed, so that no two lines look the same.</summary>
    public static LinePattern SeriesPattern(int index) => index < Palette.Colors.Length ? LinePattern.Solid : LinePattern.Dashed;

    /// <summary>A plot with the title and axis labels set (empty labels take no room) and the shared look applied.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        PlotFont.UseInScottPlot();
        var plot = new Plot();
        plot.Title(title, TitleSize);
        plot.Axes.Title.Label.Bold = false;
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontSize = TickSize;
        }
        plot.Grid.MajorLineColor = GridLines;
        return plot;
    }

    /// <summary>A short note inside the data area, grey unless told, such as "no data" or a histogram panel's number.</summary>
    public static ScottPlot.Plottables.Annotation Note(Plot plot, string text, Alignment alignment, float size = NoteSize,
        Color? color = null)
    {
        var note = plot.Add.Annotation(text, alignment);
        note.LabelFontSize = size;
        note.LabelFontColor = color ?? Muted;
        note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        note.LabelBorderWidth = 0;
        note.LabelShadowColor = Colors.Transparent;
        return note;
    }

    public static byte[] Png(Plot plot, int width, int height) => plot.GetImageBytes(width, height, ImageFormat.Png);
}
