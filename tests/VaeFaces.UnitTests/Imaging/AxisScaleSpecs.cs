using VaeFaces.Ml.Imaging;

namespace VaeFaces.UnitTests.Imaging;

public class AxisScaleSpecs
{
    [Fact]
    public void Linear_ticks_are_round_and_cover_the_data()
    {
        var axis = AxisScale.Linear(0.13, 0.97);

        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], axis.Labels);
        Assert.Equal((0, 1), (axis.Min, axis.Max));
    }

    [Fact]
    public void Large_ranges_use_whole_numbers()
    {
        var axis = AxisScale.Linear(108, 325);

        Assert.Equal(["100", "150", "200", "250", "300", "350"], axis.Labels);
    }

    [Fact]
    public void Index_axis_keeps_its_range_and_integer_ticks()
    {
        var axis = AxisScale.Linear(-0.5, 4.5, targetTicks: 10, extendToTicks: false, integerTicks: true);

        Assert.Equal([0.0, 1, 2, 3, 4], axis.Ticks);
        Assert.Equal((-0.5, 4.5), (axis.Min, axis.Max));
    }

    [Fact]
    public void A_single_value_still_gets_ticks_around_it()
    {
        var axis = AxisScale.Linear(3, 3);

        Assert.True(axis.Ticks.Count >= 2);
        Assert.True(axis.Min < 3 && axis.Max > 3);
    }

    [Fact]
    public void Log_ticks_are_decades()
    {
        var axis = AxisScale.Log10(0.02, 300);

        Assert.Equal(["0.01", "0.1", "1", "10", "100", "1000"], axis.Labels);
        Assert.Equal(0.5, axis.Fraction(Math.Sqrt(10)), 6); // halfway between 0.01 and 1000 is 10^0.5
    }
}
