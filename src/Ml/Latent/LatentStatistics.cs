namespace VaeFaces.Ml.Latent;

/// <summary>
/// Per-dimension statistics of a split's codes: the mean of z_mean, the mean posterior std, and the spread
/// (std across images) of z_mean, which the sampling trick uses.
/// </summary>
public sealed record LatentStatistics(float[] Mean, float[] MeanStd, float[] Spread, int Count)
{
    public static LatentStatistics Compute(LatentCodes codes)
    {
        if (codes.Count == 0) throw new ArgumentException("no codes to summarise", nameof(codes));
        var dim = codes.Dim;
        var sum = new double[dim];
        var sumSquares = new double[dim];
        var stdSum = new double[dim];
        for (var n = 0; n < codes.Count; n++)
        {
            for (var d = 0; d < dim; d++)
            {
                double value = codes.Mean[n * dim + d];
                sum[d] += value;
                sumSquares[d] += value * value;
                stdSum[d] += codes.Std[n * dim + d];
            }
        }
        var mean = new float[dim];
        var meanStd = new float[dim];
        var spread = new float[dim];
        for (var d = 0; d < dim; d++)
        {
            var m = sum[d] / codes.Count;
            mean[d] = (float)m;
            meanStd[d] = (float)(stdSum[d] / codes.Count);
            spread[d] = (float)Math.Sqrt(Math.Max(0, sumSquares[d] / codes.Count - m * m));
        }
        return new LatentStatistics(mean, meanStd, spread, codes.Count);
    }
}
