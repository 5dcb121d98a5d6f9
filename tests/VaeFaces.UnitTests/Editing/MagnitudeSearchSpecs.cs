using VaeFaces.Ml.Editing;

namespace VaeFaces.UnitTests.Editing;

public class MagnitudeSearchSpecs
{
    private static readonly MagnitudeTarget Target = new(Probability: 0.9, Bound: 4, Tolerance: 1e-3);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void The_smallest_magnitude_reaching_the_target_is_found_within_the_tolerance()
    {
        // sigmoid(2 (m - 1)) = 0.9 at m = 1 + ln(9) / 2 = 2.0986.
        var crossing = 1 + Math.Log(9) / 2;

        var result = MagnitudeSearch.Find(m => Sigmoid(2 * (m - 1)), Target);

        Assert.True(result.Reached);
        Assert.InRange(result.Magnitude, crossing, crossing + Target.Tolerance);
        Assert.True(result.Score >= 0.9);
        Assert.Equal(Sigmoid(2 * (result.Magnitude - 1)), result.Score);
    }

    [Fact]
    public void A_target_out_of_reach_within_the_bound_is_reported_with_the_best_score_seen()
    {
        // Rises to sigmoid(2 (4 - 3)) = 0.88 at the bound: below 0.9.
        var result = MagnitudeSearch.Find(m => Sigmoid(2 * (m - 3)), Target);

        Assert.False(result.Reached);
        Assert.Equal(4, result.Magnitude);
        Assert.Equal(Sigmoid(2), result.Score, 12);
    }

    [Fact]
    public void An_image_already_at_the_target_needs_no_edit()
    {
        var calls = 0;
        var result = MagnitudeSearch.Find(m => { calls++; return Sigmoid(5 - m); }, Target);

        Assert.Equal(new MagnitudeResult(true, 0, Sigmoid(5)), result);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void A_batch_gets_one_magnitude_per_image_from_one_call_per_step()
    {
        // Image n crosses 0.9 at m = n + ln(9) / 2, so image 0 at 1.0986, 1 at 2.0986; image 2 never within the bound.
        double[] offsets = [0, 1, 5];
        var calls = 0;
        double[] Scores(double[] magnitudes)
        {
            calls++;
            return magnitudes.Select((m, n) => Sigmoid(2 * (m - offsets[n]))).ToArray();
        }

        var results = MagnitudeSearch.Find(Scores, 3, Target);

        Assert.Equal([true, true, false], results.Select(r => r.Reached));
        Assert.InRange(results[0].Magnitude, Math.Log(9) / 2, Math.Log(9) / 2 + Target.Tolerance);
        Assert.InRange(results[1].Magnitude, 1 + Math.Log(9) / 2, 1 + Math.Log(9) / 2 + Target.Tolerance);
        // 1 at zero, 8 bracketing steps, then halving the 0.5-wide bracket to 1e-3 takes 9.
        Assert.Equal(1 + 8 + 9, calls);
    }

    [Fact]
    public void A_nan_score_never_reaches_the_target()
    {
        Assert.False(MagnitudeSearch.Find(_ => double.NaN, Target).Reached);
    }

    [Theory]
    [InlineData(1.5, 4, 0.01, 8)]
    [InlineData(0.9, 0, 0.01, 8)]
    [InlineData(0.9, 4, 0, 8)]
    [InlineData(0.9, 4, 0.01, 0)]
    public void Targets_out_of_range_are_refused(double probability, double bound, double tolerance, int steps)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MagnitudeSearch.Find(m => m, new MagnitudeTarget(probability, bound, tolerance, steps)));
    }
}
