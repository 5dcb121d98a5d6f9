using VaeFaces.Ml.Latent;

namespace VaeFaces.UnitTests.Latent;

public class LatentMathSpecs
{
    [Fact]
    public void Statistics_are_per_dimension_mean_mean_std_and_spread()
    {
        var codes = new LatentCodes([1, 2, 3, 6], [0.5f, 1, 1.5f, 1], 2, 2);
        var stats = LatentStatistics.Compute(codes);
        Assert.Equal([2f, 4f], stats.Mean);
        Assert.Equal([1f, 1f], stats.MeanStd);
        Assert.Equal([1f, 2f], stats.Spread);
    }

    [Fact]
    public void Attribute_vector_is_mean_of_positives_minus_mean_of_negatives()
    {
        // Rows: (1,0) +, (3,2) +, (0,4) -, (2,0) -.
        var codes = new LatentCodes([1, 0, 3, 2, 0, 4, 2, 0], new float[8], 4, 2);
        var attributes = new[] { new sbyte[] { 1, 1 }, [1, -1], [-1, -1], [-1, -1] };
        var set = AttributeVectors.Fit(codes, attributes, ["A", "Rare"], minCount: 2);

        var vector = Assert.Single(set.Vectors);
        Assert.Equal("A", vector.Name);
        Assert.Equal([1f, -1f], vector.Vector);
        Assert.Equal(Math.Sqrt(2), vector.Norm, 6);
        Assert.Equal((2, 2), (vector.Positives, vector.Negatives));
        var skipped = Assert.Single(set.Skipped);
        Assert.Equal(("Rare", 1, 3), (skipped.Name, skipped.Positives, skipped.Negatives));
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.4, 0.35, 0.8 }, new[] { false, false, true, true }, 0.75)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, new[] { false, false, true, true }, 1.0)]
    [InlineData(new[] { 4.0, 3.0, 2.0, 1.0 }, new[] { false, false, true, true }, 0.0)]
    [InlineData(new[] { 1.0, 1.0, 1.0, 1.0 }, new[] { false, true, false, true }, 0.5)]
    public void Roc_auc_matches_hand_computed_values(double[] scores, bool[] labels, double expected)
    {
        Assert.Equal(expected, RocAuc.Compute(scores, labels), 9);
    }

    [Fact]
    public void Roc_auc_is_undefined_without_both_classes()
    {
        Assert.True(double.IsNaN(RocAuc.Compute([1.0, 2.0], [true, true])));
    }
}
