using VaeFaces.Ml.Imaging;

namespace VaeFaces.UnitTests.Imaging;

public class IndexPlotSpecs
{
    [Fact]
    public void Renders_bars_at_the_requested_size()
    {
        var values = Enumerable.Range(0, 64).Select(i => Math.Sin(i / 5.0)).ToList();

        using var png = new DecodedPng(IndexPlot.RenderPng("Mean of z_mean", "mean", values, referenceLine: 0, width: 700, height: 300));

        Assert.Equal((700, 300), (png.Width, png.Height));
        Assert.True(png.Count(Tab10.Blue) > 1000, "bars missing");
        Assert.True(png.DistinctColours() > 10);
    }

    [Fact]
    public void Bars_rise_and_fall_from_zero_with_their_values()
    {
        // Index 0 is tall, 1 is short and 2 points down: count each bar's pixels in its own column.
        using var png = new DecodedPng(IndexPlot.RenderPng("", "", [4, 1, -2], width: 600, height: 400));

        var columns = Enumerable.Range(0, png.Width).Select(x => Enumerable.Range(0, png.Height).Count(y => png[x, y] == Tab10.Blue)).ToList();
        var barColumns = Enumerable.Range(0, png.Width).Where(x => columns[x] > 0).ToList();
        var (tall, shortBar, down) = (columns[barColumns[3]], columns[barColumns[barColumns.Count / 2]], columns[barColumns[^4]]);
        Assert.InRange(tall / (double)shortBar, 3.5, 4.5);
        Assert.InRange(down / (double)shortBar, 1.7, 2.3);
    }

    [Fact]
    public void Reference_line_is_drawn_and_labelled()
    {
        double[] values = [0.2, 0.3, 0.25];

        using var without = new DecodedPng(IndexPlot.RenderPng("std", "std", values));
        using var with = new DecodedPng(IndexPlot.RenderPng("std", "std", values, referenceLine: 1));

        static int Reddish(DecodedPng png) => png.Pixels().Count(p => p.Red > 150 && p.Green < 120 && p.Blue < 120);
        Assert.True(Reddish(with) > Reddish(without) + 100, "reference line missing");
    }

    [Fact]
    public void Title_and_axis_labels_are_drawn_as_text()
    {
        double[] values = [.. Enumerable.Range(0, 200).Select(i => 0.5 + i % 7 * 0.05)];
        using var png = new DecodedPng(IndexPlot.RenderPng("Average posterior std per dimension", "mean of exp(0.5 logvar)", values, 1));

        string[] missing = [.. new (string Part, bool Drawn)[]
        {
            ("title", png.HasText(200, 0, 500, 36)),
            ("y label", png.HasText(0, 80, 20, 240)),
            ("x label 'index'", png.HasText(380, 372, 140, 28)),
        }.Where(c => !c.Drawn).Select(c => c.Part)];
        Assert.Empty(missing);
    }

    [Fact]
    public void Empty_and_non_finite_values_render_an_empty_plot()
    {
        using var empty = new DecodedPng(IndexPlot.RenderPng("empty", "v", [], referenceLine: 1));
        using var nan = new DecodedPng(IndexPlot.RenderPng("nan", "v", [double.NaN, double.NegativeInfinity], referenceLine: double.NaN));

        Assert.Equal((900, 400), (empty.Width, empty.Height));
        Assert.Equal(0, nan.Count(Tab10.Blue));
    }
}
