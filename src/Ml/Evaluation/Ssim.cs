using TorchSharp;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Evaluation;

/// <summary>
/// Structural similarity per image (Wang et al. 2004) for images in [0, 1]: an 11x11 Gaussian window with sigma 1.5,
/// C1 = 0.01^2, C2 = 0.03^2, over every window that fits inside the image (no padding, as the reference MATLAB code),
/// averaged over windows, then over channels. Images must be at least 11 pixels on each side.
/// </summary>
public static class Ssim
{
    public const int WindowSize = 11;
    public const double Sigma = 1.5;
    private const double C1 = 0.01 * 0.01;
    private const double C2 = 0.03 * 0.03;

    public static double[] Compute(Tensor images, Tensor references)
    {
        ImagePairs.Check(images, references);
        if (images.shape[2] < WindowSize || images.shape[3] < WindowSize)
            throw new ArgumentException($"SSIM needs images of at least {WindowSize}x{WindowSize}, not {images.shape[2]}x{images.shape[3]}");
        using var scope = torch.NewDisposeScope();
        // Double precision: the variances are differences of window means, which cancel badly in float32.
        var x = images.to(float64);
        var y = references.to(float64);
        var channels = x.shape[1];
        // One copy of the window per channel, each convolved with its own channel only (groups).
        var window = Window(x.device).repeat(channels, 1, 1, 1);
        Tensor Mean(Tensor t) => nn.functional.conv2d(t, window, groups: channels);
        var muX = Mean(x);
        var muY = Mean(y);
        var varX = Mean(x * x) - muX * muX;
        var varY = Mean(y * y) - muY * muY;
        var covariance = Mean(x * y) - muX * muY;
        var map = (2 * muX * muY + C1) * (2 * covariance + C2) / ((muX * muX + muY * muY + C1) * (varX + varY + C2));
        // Every channel's map has the same size, so the mean over all of it is the mean over channels of each channel's mean.
        return ImagePairs.ToArray(map.mean([1, 2, 3]));
    }

    /// <summary>The normalised 11x11 Gaussian window as [1, 1, 11, 11]: the outer product of the 1-D kernel with itself.</summary>
    private static Tensor Window(Device device)
    {
        var kernel = Enumerable.Range(0, WindowSize)
            .Select(i => Math.Exp(-Math.Pow(i - WindowSize / 2, 2) / (2 * Sigma * Sigma))).ToArray();
        var g = tensor(kernel, float64, device);
        g /= g.sum();
        return g.outer(g).reshape(1, 1, WindowSize, WindowSize);
    }
}
