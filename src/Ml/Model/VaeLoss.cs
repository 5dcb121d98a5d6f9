using static TorchSharp.torch;

namespace VaeFaces.Ml.Model;

public sealed record LossTerms(Tensor Total, Tensor Reconstruction, Tensor Kl);

/// <summary>The tutorial's loss: per-pixel MSE plus klWeight times the KL divergence averaged over latent dimensions.</summary>
public static class VaeLoss
{
    public static LossTerms Compute(Tensor images, VaeOutput output, double klWeight)
    {
        var reconstruction = nn.functional.mse_loss(output.Reconstruction, images);
        var kl = Kl(output.Mean, output.LogVar);
        return new LossTerms(reconstruction + klWeight * kl, reconstruction, kl);
    }

    /// <summary>KL(N(mean, exp(logVar)) || N(0, 1)) averaged over dimensions and batch.</summary>
    public static Tensor Kl(Tensor mean, Tensor logVar) =>
        (-0.5 * (1 + logVar - mean.pow(2) - logVar.exp())).mean();
}
