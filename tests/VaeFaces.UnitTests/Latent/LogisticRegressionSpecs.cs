using VaeFaces.Ml.Latent;

namespace VaeFaces.UnitTests.Latent;

public class LogisticRegressionSpecs
{
    private const int Dim = 12;

    [Fact]
    public void The_normal_recovers_the_direction_that_generated_the_labels()
    {
        var (codes, labels, truth) = Synthetic(count: 2000, seed: 7);

        var fit = LogisticRegression.Fit(codes, labels);

        var normal = Directions.Normalise(fit.Weights);
        Assert.True(AttributeVectors.Dot(normal, truth) > 0.95, $"cosine {AttributeVectors.Dot(normal, truth)}");
        Assert.True(fit.Iterations < 50, "Newton steps converge in a few iterations");
    }

    [Fact]
    public void The_bias_places_the_boundary_where_the_labels_change()
    {
        // One dimension, label = z > 1: the boundary w z + b = 0 lies near z = 1.
        var random = new Random(3);
        var z = Enumerable.Range(0, 1000).Select(_ => (float)(random.NextDouble() * 4 - 1)).ToArray();
        var fit = LogisticRegression.Fit(new LatentCodes(z, new float[z.Length], z.Length, 1), z.Select(v => v > 1).ToArray());

        Assert.True(fit.Weights[0] > 0);
        Assert.Equal(1, -fit.Bias / fit.Weights[0], 1);
    }

    [Fact]
    public void The_same_codes_give_the_same_fit()
    {
        var (codes, labels, _) = Synthetic(count: 500, seed: 11);

        Assert.Equal(LogisticRegression.Fit(codes, labels).Weights, LogisticRegression.Fit(codes, labels).Weights);
    }

    [Fact]
    public void A_fit_frees_every_tensor_it_makes()
    {
        var (codes, labels, _) = Synthetic(count: 300, seed: 13);
        LogisticRegression.Fit(codes, labels);
        var live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        LogisticRegression.Fit(codes, labels);

        Assert.Equal(live, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Linear_directions_are_unit_normals_and_skip_attributes_by_the_mean_difference_rule()
    {
        var (codes, labels, truth) = Synthetic(count: 600, seed: 5);
        var attributes = labels.Select((l, n) => new sbyte[] { (sbyte)(l ? 1 : -1), (sbyte)(n < 3 ? 1 : -1) }).ToList();

        var set = LinearDirections.Fit(codes, attributes, ["Smiling", "Rare"], minCount: 5);

        var smiling = Assert.Single(set.Vectors);
        Assert.Equal("Smiling", smiling.Name);
        Assert.Equal(1, smiling.Norm, 5);
        Assert.True(AttributeVectors.Dot(smiling.Vector, truth) > 0.95);
        Assert.Equal(("Rare", 3), (Assert.Single(set.Skipped).Name, set.Skipped[0].Positives));
    }

    /// <summary>Gaussian codes around a non-zero mean; label = w.z + noise > c for a random unit w, a third positive.</summary>
    private static (LatentCodes Codes, bool[] Labels, float[] Truth) Synthetic(int count, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var truth = Directions.Normalise(Enumerable.Range(0, Dim).Select(_ => (float)Normal()).ToArray());
        var z = new float[count * Dim];
        var labels = new bool[count];
        for (var n = 0; n < count; n++)
        {
            double score = 0;
            for (var d = 0; d < Dim; d++)
            {
                z[n * Dim + d] = (float)(0.5 + Normal());
                score += (z[n * Dim + d] - 0.5) * truth[d];
            }
            labels[n] = score + 0.3 * Normal() > 0.43;
        }
        return (new LatentCodes(z, new float[z.Length], count, Dim), labels, truth);
    }
}
