using VaeFaces.Ml.Sampling;

namespace VaeFaces.UnitTests.Sampling;

public class LatentSamplerSpecs
{
    [Fact]
    public void Each_dimension_follows_its_own_mean_and_std()
    {
        const int count = 20_000;
        float[] mean = [3, -1, 0];
        float[] std = [0.5f, 2, 0];

        var z = LatentSampler.Sample(new Random(1), count, mean, std);

        Assert.Equal(count * 3, z.Length);
        for (var d = 0; d < 3; d++)
        {
            var values = Enumerable.Range(0, count).Select(n => (double)z[n * 3 + d]).ToArray();
            var average = values.Average();
            var spread = Math.Sqrt(values.Select(v => (v - average) * (v - average)).Average());
            Assert.Equal(mean[d], average, 0.05);
            Assert.Equal(std[d], spread, 0.05);
        }
        Assert.All(Enumerable.Range(0, count), n => Assert.Equal(0f, z[n * 3 + 2]));
    }

    [Fact]
    public void A_seed_gives_the_same_codes_the_first_uniform_draw_setting_the_radius_and_the_second_the_angle()
    {
        var z = LatentSampler.Sample(new Random(7), 2, [10], [2]);

        var random = new Random(7);
        var expected = new float[2];
        for (var n = 0; n < 2; n++)
        {
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            expected[n] = 10 + 2 * (float)(radius * Math.Cos(2 * Math.PI * random.NextDouble()));
        }
        Assert.Equal(expected, z);
        Assert.Equal(z, LatentSampler.Sample(new Random(7), 2, [10], [2]));
    }

    [Fact]
    public void Standard_normal_is_the_trick_with_mean_zero_and_std_one()
    {
        Assert.Equal(LatentSampler.Sample(new Random(5), 4, new float[3], [1, 1, 1]), LatentSampler.StandardNormal(new Random(5), 4, 3));
    }
}
