using VaeFaces.Ml.Imaging;

namespace VaeFaces.UnitTests.Imaging;

public class HistogramGridSpecs
{
    [Fact]
    public void Renders_one_panel_per_dimension_with_bars_and_the_normal_curve()
    {
        var random = new Random(7);
        var panels = Enumerable.Range(0, 100).Select(_ => Normal(random, 500)).ToList();

        var bytes = HistogramGrid.RenderPng("Latents", panels, columns: 10);
        using var png = new DecodedPng(bytes);

        // Ten panels across and down: the image is wider than ten panels of about 100 px and taller than ten rows.
        Assert.True(png.Width > 1000 && png.Height > 800, $"{png.Width}x{png.Height}");
        Assert.True(png.Pixels().Count(p => p.Blue > p.Red + 60) > 20_000, "histogram bars missing");
        Assert.True(png.Pixels().Count(p => p.Red > p.Blue + 100) > 1_000, "standard-normal curves missing");
    }

    [Fact]
    public void Title_note_panel_numbers_and_tick_labels_are_drawn_as_text()
    {
        var random = new Random(7);
        var panels = Enumerable.Range(0, 6).Select(_ => Normal(random, 300)).ToList();

        using var png = new DecodedPng(HistogramGrid.RenderPng("z_mean of the first 6 dimensions", panels, columns: 3));

        // Three panels of 120 px with 10 px gaps, centred; the title and note are above them, tick labels below.
        var left = (png.Width - 380) / 2;
        string[] missing = [.. new (string Part, bool Drawn)[]
        {
            ("title", png.HasText(left, 0, 380, 40)),
            ("panel number", png.HasText(left + 2, 66, 14, 14, minimum: 3, darkerThan: 180)),
            ("tick labels", png.HasText(left, png.Height - 31, 380, 15)),
        }.Where(c => !c.Drawn).Select(c => c.Part)];
        Assert.Empty(missing);
    }

    [Fact]
    public void Without_the_overlay_there_is_no_curve()
    {
        var random = new Random(7);
        var panels = Enumerable.Range(0, 4).Select(_ => Normal(random, 500)).ToList();

        using var png = new DecodedPng(HistogramGrid.RenderPng("Latents", panels, overlayStandardNormal: false));

        Assert.Equal(0, png.Pixels().Count(p => p.Red > p.Blue + 100));
    }

    [Fact]
    public void Fewer_columns_make_a_taller_grid()
    {
        var random = new Random(7);
        var panels = Enumerable.Range(0, 12).Select(_ => Normal(random, 100)).ToList();

        using var wide = new DecodedPng(HistogramGrid.RenderPng("t", panels, columns: 6));
        using var tall = new DecodedPng(HistogramGrid.RenderPng("t", panels, columns: 3));

        Assert.True(tall.Height > wide.Height);
        Assert.True(tall.Width < wide.Width);
    }

    [Fact]
    public void Empty_panels_and_non_finite_values_do_not_crash()
    {
        List<float[]> panels = [[], [float.NaN, float.PositiveInfinity], [0f, 0f, 0f], [1e30f, -1e30f, 0.5f]];

        using var some = new DecodedPng(HistogramGrid.RenderPng("odd", panels));
        using var none = new DecodedPng(HistogramGrid.RenderPng("none", []));

        Assert.True(some.Width > 0 && none.Width > 0);
    }

    private static float[] Normal(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ =>
            (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];
}
