using static TorchSharp.torch;

namespace VaeFaces.Ml.Model;

/// <param name="Reconstruction">The plain per-pixel MSE whatever the likelihood: validation, early stopping and the metrics compare it across runs.</param>
/// <param name="Kl">The KL divergence averaged over latent dimensions and batch.</param>
public sealed record LossTerms(Tensor Total, Tensor Reconstruction, Tensor Kl);

/// <summary>
/// The VAE's losses, per pixel so that learning rates carry over: the tutorial's (MSE plus klWeight times KL) and the
/// optimal sigma-VAE's (Rybkin, Daniilidis, Levine 2021: a Gaussian decoder whose shared variance is the batch's MSE).
/// </summary>
public static class VaeLoss
{
    /// <summary>The floor of sigma^2: the paper's softclip of log sigma at -6, so a perfect batch does not send log sigma^2 to -inf.</summary>
    public static readonly double MinSigmaSquared = Math.Exp(-12);

    public static LossTerms Compute(Tensor images, VaeOutput output, double klWeight)
    {
        var reconstruction = nn.functional.mse_loss(output.Reconstruction, images);
        var kl = Kl(output.Mean, output.LogVar);
        return new LossTerms(reconstruction + klWeight * kl, reconstruction, kl);
    }

    /// <summary>
    /// The sigma-VAE's negative ELBO divided by the pixels per image: GaussianNll at sigma^2 = the batch's MSE, plus
    /// klWeight times the mean KL, where <see cref="ElboKlWeight"/> is the ELBO's own weight (times any warm-up).
    /// </summary>
    public static LossTerms SigmaVae(Tensor images, VaeOutput output, double klWeight)
    {
        var reconstruction = nn.functional.mse_loss(output.Reconstruction, images);
        var kl = Kl(output.Mean, output.LogVar);
        // Detached, as sigma^2 is an estimate and not a path for the gradient: at sigma^2 = MSE the loss is stationary in
        // sigma^2, so the paper's undetached version has the same gradient, grad(MSE) / (2 MSE); so it has at the floor,
        // where clamp passes no gradient.
        var sigmaSquared = reconstruction.detach().clamp_min(MinSigmaSquared);
        return new LossTerms(GaussianNll(reconstruction, sigmaSquared) + klWeight * kl, reconstruction, kl);
    }

    /// <summary>
    /// A Gaussian decoder's negative log-likelihood per pixel with variance sigmaSquared, less its constant 0.5 log(2 pi):
    /// 0.5 log(sigma^2) + 0.5 MSE / sigma^2, least at sigma^2 = MSE.
    /// </summary>
    public static Tensor GaussianNll(Tensor mse, Tensor sigmaSquared) => 0.5 * sigmaSquared.log() + 0.5 * mse / sigmaSquared;

    /// <summary>
    /// The ELBO's weight on the mean KL in per-pixel units: its KL summed over latent dimensions, over the pixels per
    /// image (C*H*W, what mse_loss averages over).
    /// </summary>
    public static double ElboKlWeight(int latentDim, int pixelsPerImage) => (double)latentDim / pixelsPerImage;

    /// <summary>KL(N(mean, exp(logVar)) || N(0, 1)) averaged over dimensions and batch.</summary>
    public static Tensor Kl(Tensor mean, Tensor logVar) =>
        (-0.5 * (1 + logVar - mean.pow(2) - logVar.exp())).mean();
}
