namespace VaeFaces.Ml.Sampling;

/// <summary>
/// Codes to decode into new faces, drawn from a seeded System.Random (a fixed algorithm: same seed, same codes).
/// The sampling trick draws each dimension from N(mean_d, std_d), the statistics of real codes, instead of N(0, 1).
/// </summary>
public static class LatentSampler
{
    /// <summary>count codes from N(0, 1) in every dimension, row-major count x dim.</summary>
    public static float[] StandardNormal(Random random, int count, int dim) =>
        Sample(random, count, new float[dim], Enumerable.Repeat(1f, dim).ToArray());

    /// <summary>count codes, dimension d from N(mean[d], std[d]), row-major count x mean.Length.</summary>
    public static float[] Sample(Random random, int count, float[] mean, float[] std)
    {
        if (std.Length != mean.Length) throw new ArgumentException($"{std.Length} stds for {mean.Length} means", nameof(std));
        var z = new float[count * mean.Length];
        for (var n = 0; n < count; n++)
        {
            for (var d = 0; d < mean.Length; d++) z[n * mean.Length + d] = mean[d] + std[d] * (float)Gaussian(random);
        }
        return z;
    }

    /// <summary>Box-Muller; the two uniform draws are taken in this order, so a seed keeps giving the same codes.</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
