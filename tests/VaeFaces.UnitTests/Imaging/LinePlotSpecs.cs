using VaeFaces.Ml.Imaging;

namespace VaeFaces.UnitTests.Imaging;

public class LinePlotSpecs
{
    private static readonly double[] Epochs = [.. Enumerable.Range(1, 20).Select(e => (double)e)];

    [Fact]
    public void Renders_at_the_requested_size_with_each_series_in_its_own_colour()
    {
        PlotSeries[] series =
        [
            new("train", Epochs, [.. Epochs.Select(e => 100 / e + 20)]),
            new("validation", Epochs, [.. Epochs.Select(e => 110 / e + 25)]),
        ];

        using var png = new DecodedPng(LinePlot.RenderPng("Loss", "epoch", "loss", series, width: 640, height: 400));

        Assert.Equal((640, 400), (png.Width, png.Height));
        Assert.True(png.DistinctColours() > 30, $"only {png.DistinctColours()} colours");
        Assert.True(png.Count(Palette.Series(0)) > 50, "first series colour missing");
        Assert.True(png.Count(Palette.Series(1)) > 50, "second series colour missing");
    }

    [Fact]
    public void Log_axis_skips_values_that_are_not_positive()
    {
        PlotSeries[] series = [new("kl", Epochs, [.. Epochs.Select(e => e < 3 ? 0 : e * e)])];

        using var png = new DecodedPng(LinePlot.RenderPng("KL", "epoch", "kl", series, logY: true));

        Assert.Equal((800, 500), (png.Width, png.Height));
        Assert.True(png.Count(Palette.Series(0)) > 50);
    }

    [Fact]
    public void Empty_or_non_finite_input_renders_an_empty_plot()
    {
        double[] nan = [double.NaN, double.PositiveInfinity];
        foreach (var series in new[] { Array.Empty<PlotSeries>(), [new("nan", nan, nan)], [new("empty", [], [])] })
        {
            using var png = new DecodedPng(LinePlot.RenderPng("Nothing", "x", "y", series, width: 300, height: 200));

            Assert.Equal((300, 200), (png.Width, png.Height));
            Assert.Equal(0, png.Count(Palette.Series(0)));
        }
    }

    [Fact]
    public void Gaps_and_single_points_do_not_break_the_plot()
    {
        PlotSeries[] series = [new("gappy", [1, 2, 3, 4, 5], [1, double.NaN, 3, double.NaN, 5])];

        using var png = new DecodedPng(LinePlot.RenderPng("Gaps", "x", "y", series));

        Assert.True(png.Count(Palette.Series(0)) > 10, "isolated points should still be drawn");
    }

    [Fact]
    public void A_constant_series_gets_a_usable_axis()
    {
        PlotSeries[] series = [new("flat", Epochs, [.. Epochs.Select(_ => 3.0)])];

        using var png = new DecodedPng(LinePlot.RenderPng("Flat", "x", "y", series));

        Assert.True(png.Count(Palette.Series(0)) > 50);
    }

    [Fact]
    public void Mismatched_x_and_y_throw()
    {
        PlotSeries[] series = [new("bad", [1, 2, 3], [1, 2])];

        Assert.Throws<ArgumentException>(() => LinePlot.RenderPng("t", "x", "y", series));
    }
}
