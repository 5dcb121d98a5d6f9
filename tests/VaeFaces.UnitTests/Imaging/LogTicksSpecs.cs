using ScottPlot;
using VaeFaces.Ml.Imaging;

namespace VaeFaces.UnitTests.Imaging;

public class LogTicksSpecs
{
    [Fact]
    public void A_loss_curve_within_one_decade_gets_several_labels()
    {
        var labels = Majors(0.007, 0.035, pixels: 340).Select(t => t.Label).ToList();

        Assert.Contains("0.01", labels);
        Assert.Contains("0.02", labels);
        Assert.Contains("0.03", labels);
    }

    [Fact]
    public void A_wide_axis_labels_only_powers_of_ten_at_their_positions()
    {
        var majors = Majors(1e-3, 1e6, pixels: 300);

        Assert.True(majors.Count >= 3, $"{majors.Count} labels");
        Assert.All(majors, t => Assert.Equal(Math.Round(t.Position), t.Position, 9));
        Assert.Contains(majors, t => t.Label == "1" && t.Position == 0);
        Assert.Contains(majors, t => t.Label == "0.001");
    }

    [Theory]
    [InlineData(0.5, 3, 100)]
    [InlineData(0.5, 3, 800)]
    [InlineData(1e-4, 10, 250)]
    [InlineData(2, 2.5, 400)]
    public void Labels_keep_room_between_them(double min, double max, float pixels)
    {
        var majors = Majors(min, max, pixels);
        var pixelsPerDecade = pixels / (Math.Log10(max) - Math.Log10(min));

        Assert.All(majors.Zip(majors.Skip(1)), pair => Assert.True((pair.Second.Position - pair.First.Position) * pixelsPerDecade >= 20,
            $"{pair.First.Label} and {pair.Second.Label} are too close"));
    }

    private static List<Tick> Majors(double min, double max, float pixels)
    {
        var ticks = new LogTicks();
        ticks.Regenerate(new CoordinateRange(Math.Log10(min), Math.Log10(max)), Edge.Left, new PixelLength(pixels), null!, null!);
        return [.. ticks.Ticks.Where(t => t.IsMajor).OrderBy(t => t.Position)];
    }
}
