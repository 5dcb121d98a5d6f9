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
        Assert.True(png.Count(Palette.Series(0)) > 1000, "bars missing");
        Assert.True(png.DistinctColours() > 10);
    }

    [Fact]
    public void Reference_line_is_drawn()
    {
        double[] values = [0.2, 0.3, 0.25];

        using var without = new DecodedPng(IndexPlot.RenderPng("std", "std", values));
        using var with = new DecodedPng(IndexPlot.RenderPng("std", "std", values, referenceLine: 1));

        static int Reddish(DecodedPng png) => png.Pixels().Count(p => p.Red > 150 && p.Green < 120 && p.Blue < 120);
        Assert.True(Reddish(with) > Reddish(without) + 100, "reference line missing");
    }

    [Fact]
    public void Empty_and_non_finite_values_render_an_empty_plot()
    {
        using var empty = new DecodedPng(IndexPlot.RenderPng("empty", "v", [], referenceLine: 1));
        using var nan = new DecodedPng(IndexPlot.RenderPng("nan", "v", [double.NaN, double.NegativeInfinity], referenceLine: double.NaN));

        Assert.Equal((900, 400), (empty.Width, empty.Height));
        Assert.Equal(0, nan.Count(Palette.Series(0)));
    }
}
