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
        Assert.True(png.Count(Tab10.Blue) > 50, "first series colour missing");
        Assert.True(png.Count(Tab10.Orange) > 50, "second series colour missing");
    }

    [Fact]
    public void Title_axis_labels_ticks_and_legend_are_drawn_as_text()
    {
        PlotSeries[] series =
        [
            new("train loss", Epochs, [.. Epochs.Select(e => 100 / e + 20)]),
            new("validation loss", Epochs, [.. Epochs.Select(e => 110 / e + 25)]),
        ];
        using var png = new DecodedPng(LinePlot.RenderPng("Loss per epoch", "epochs of training, one pass over the data each", "loss",
            series, width: 640, height: 400));
        using var noLabels = new DecodedPng(LinePlot.RenderPng("Loss per epoch", "", "", series, width: 640, height: 400));

        // A font that drew nothing would leave these strips without text: the title across the top, the y label along
        // the left edge, the tick labels left of the axis and the legend's names at the bottom; the x label adds ink
        // over the same plot without axis labels.
        string[] missing = [.. new (string Part, bool Drawn)[]
        {
            ("title", png.HasText(160, 0, 320, 36)),
            ("y label", png.HasText(0, 100, 20, 200)),
            ("y tick labels", png.HasText(22, 40, 26, 260)),
            ("legend names", png.HasText(0, 365, 640, 35)),
            ("x label", png.Ink(0, 300, 640, 100) > noLabels.Ink(0, 300, 640, 100) + 150),
        }.Where(c => !c.Drawn).Select(c => c.Part)];
        Assert.Empty(missing);
    }

    [Fact]
    public void Log_axis_skips_values_that_are_not_positive()
    {
        PlotSeries[] series = [new("kl", Epochs, [.. Epochs.Select(e => e < 3 ? 0 : e * e)])];

        using var png = new DecodedPng(LinePlot.RenderPng("KL", "epoch", "kl", series, logY: true));

        Assert.Equal((800, 500), (png.Width, png.Height));
        Assert.True(png.Count(Tab10.Blue) > 50);
    }

    [Fact]
    public void Log_axis_curves_are_straight_for_powers()
    {
        // y = 10^x is a straight line on a log axis: the line's pixel rows rise evenly with its columns.
        double[] xs = [0, 1, 2, 3];
        PlotSeries[] series = [new("power", xs, [.. xs.Select(x => Math.Pow(10, x))])];

        using var png = new DecodedPng(LinePlot.RenderPng("", "", "", series, width: 400, height: 400, logY: true));

        var rows = Enumerable.Range(0, png.Width).Select(x => (X: x, Rows: Enumerable.Range(0, png.Height)
            .Where(y => png[x, y] == Tab10.Blue).ToList())).Where(c => c.Rows.Count > 0).ToList();
        var (first, middle, last) = (rows[rows.Count / 8], rows[rows.Count / 2], rows[rows.Count * 7 / 8]);
        var expectedMiddle = first.Rows.Average() + (last.Rows.Average() - first.Rows.Average()) * (middle.X - first.X) / (last.X - first.X);
        Assert.InRange(middle.Rows.Average(), expectedMiddle - 4, expectedMiddle + 4);
    }

    [Fact]
    public void Empty_or_non_finite_input_renders_an_empty_plot()
    {
        double[] nan = [double.NaN, double.PositiveInfinity];
        foreach (var series in new[] { Array.Empty<PlotSeries>(), [new("nan", nan, nan)], [new("empty", [], [])] })
        {
            using var png = new DecodedPng(LinePlot.RenderPng("Nothing", "x", "y", series, width: 300, height: 200));

            Assert.Equal((300, 200), (png.Width, png.Height));
            Assert.Equal(0, png.Count(Tab10.Blue));
        }
    }

    [Fact]
    public void Gaps_and_single_points_do_not_break_the_plot()
    {
        PlotSeries[] series = [new("gappy", [1, 2, 3, 4, 5], [1, double.NaN, 3, double.NaN, 5])];

        using var png = new DecodedPng(LinePlot.RenderPng("Gaps", "x", "y", series));

        Assert.True(png.Count(Tab10.Blue) > 10, "isolated points should still be drawn");
    }

    [Fact]
    public void A_constant_series_gets_a_usable_axis()
    {
        PlotSeries[] series = [new("flat", Epochs, [.. Epochs.Select(_ => 3.0)])];

        using var png = new DecodedPng(LinePlot.RenderPng("Flat", "x", "y", series));

        Assert.True(png.Count(Tab10.Blue) > 50);
    }

    [Fact]
    public void Mismatched_x_and_y_throw()
    {
        PlotSeries[] series = [new("bad", [1, 2, 3], [1, 2])];

        Assert.Throws<ArgumentException>(() => LinePlot.RenderPng("t", "x", "y", series));
    }
}
