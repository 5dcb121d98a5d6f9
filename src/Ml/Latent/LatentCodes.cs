namespace VaeFaces.Ml.Latent;

/// <summary>Encoder outputs for Count images, row-major Count x Dim: z_mean and the posterior std exp(0.5 logvar).</summary>
public sealed record LatentCodes(float[] Mean, float[] Std, int Count, int Dim)
{
    public ReadOnlySpan<float> MeanRow(int row) => Mean.AsSpan(row * Dim, Dim);
}
