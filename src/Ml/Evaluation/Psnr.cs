using TorchSharp;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Evaluation;

/// <summary>
/// Peak signal-to-noise ratio per image for images in [0, 1] (peak 1): 10 log10(1 / MSE) in dB, +infinity for identical
/// images. Per image, so a batch's figure is the mean of its images' PSNR, the usual reporting convention.
/// </summary>
public static class Psnr
{
    public static double[] Compute(Tensor images, Tensor references)
    {
        ImagePairs.Check(images, references);
        using var scope = torch.NewDisposeScope();
        var mse = (images.to(float64) - references.to(float64)).square().mean([1, 2, 3]);
        return ImagePairs.ToArray(-10 * mse.log10());
    }
}
