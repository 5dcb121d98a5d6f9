using TorchSharp;
using VaeFaces.Ml.Evaluation;

namespace VaeFaces.UnitTests.Evaluation;

public class SsimSpecs
{
    private const double C1 = 1e-4, C2 = 9e-4;

    [Fact]
    public void An_image_is_perfectly_similar_to_itself()
    {
        using var image = Image(1, 3, 16, 16, seed: 1);
        Assert.Equal(1.0, Assert.Single(Ssim.Compute(image, image)), 12);
    }

    [Fact]
    public void Two_flat_images_differ_only_in_luminance()
    {
        using var a = torch.full(1, 3, 11, 11, 0.5f);
        using var b = torch.full(1, 3, 11, 11, 0.6f);

        // No variance: the contrast-structure term is C2 / C2 = 1, the luminance term (2ab + C1) / (a^2 + b^2 + C1) = 0.6001 / 0.6101.
        Assert.Equal(0.6001 / 0.6101, Assert.Single(Ssim.Compute(a, b)), 6);
    }

    [Fact]
    public void A_constant_offset_keeps_structure_and_costs_only_the_luminance_term_of_each_window()
    {
        var pixels = Pixels(1 * 1 * 12 * 13, seed: 2, scale: 0.8);
        using var x = torch.tensor(pixels, [1, 1, 12, 13]);
        using var y = torch.tensor(pixels.Select(p => p + 0.15).ToArray(), [1, 1, 12, 13]);

        // Equal variances and covariance, so each window's SSIM is (2 mx my + C1) / (mx^2 + my^2 + C1) with my = mx + 0.15.
        var expected = Windows(12, 13).Average(w =>
        {
            var mx = WindowMean(pixels, 13, w.Y, w.X);
            var my = mx + 0.15;
            return (2 * mx * my + C1) / (mx * mx + my * my + C1);
        });
        Assert.Equal(expected, Assert.Single(Ssim.Compute(x, y)), 6);
    }

    [Fact]
    public void Ssim_matches_a_plain_loop_over_gaussian_windows_per_image_and_channel()
    {
        var a = Pixels(2 * 3 * 13 * 15, seed: 3);
        var b = a.Zip(Pixels(a.Length, seed: 4), (v, noise) => 0.7 * v + 0.3 * noise).ToArray();
        using var x = torch.tensor(a, [2, 3, 13, 15]);
        using var y = torch.tensor(b, [2, 3, 13, 15]);

        var ssim = Ssim.Compute(x, y);

        for (var n = 0; n < 2; n++)
            Assert.Equal(LoopSsim(a, b, n, channels: 3, height: 13, width: 15), ssim[n], 6);
        Assert.True(ssim[0] is > 0.3 and < 0.99);
    }

    [Fact]
    public void Ssim_frees_every_tensor_it_makes()
    {
        using var x = Image(2, 3, 12, 12, seed: 5);
        using var y = Image(2, 3, 12, 12, seed: 6);
        Ssim.Compute(x, y);
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        Ssim.Compute(x, y);
        Psnr.Compute(x, y);
        PixelDrift.MeanAbsolute(x, y);

        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Images_smaller_than_the_window_are_refused()
    {
        using var a = torch.zeros(1, 3, 10, 16);
        Assert.Throws<ArgumentException>(() => Ssim.Compute(a, a));
    }

    /// <summary>SSIM written out: weighted means, then variances and covariance as weighted sums of centred products.</summary>
    private static double LoopSsim(double[] a, double[] b, int n, int channels, int height, int width)
    {
        double total = 0;
        var count = 0;
        for (var c = 0; c < channels; c++)
        {
            var offset = (n * channels + c) * height * width;
            var x = a.AsSpan(offset, height * width).ToArray();
            var y = b.AsSpan(offset, height * width).ToArray();
            foreach (var (top, left) in Windows(height, width))
            {
                double mx = WindowMean(x, width, top, left), my = WindowMean(y, width, top, left);
                double vx = 0, vy = 0, cxy = 0;
                for (var i = 0; i < 11; i++)
                for (var j = 0; j < 11; j++)
                {
                    var w = Gaussian[i] * Gaussian[j];
                    var dx = x[(top + i) * width + left + j] - mx;
                    var dy = y[(top + i) * width + left + j] - my;
                    (vx, vy, cxy) = (vx + w * dx * dx, vy + w * dy * dy, cxy + w * dx * dy);
                }
                total += (2 * mx * my + C1) * (2 * cxy + C2) / ((mx * mx + my * my + C1) * (vx + vy + C2));
                count++;
            }
        }
        return total / count;
    }

    private static double WindowMean(double[] image, int width, int top, int left)
    {
        double sum = 0;
        for (var i = 0; i < 11; i++)
        for (var j = 0; j < 11; j++)
            sum += Gaussian[i] * Gaussian[j] * image[(top + i) * width + left + j];
        return sum;
    }

    private static IEnumerable<(int Y, int X)> Windows(int height, int width) =>
        from top in Enumerable.Range(0, height - 10) from left in Enumerable.Range(0, width - 10) select (top, left);

    private static readonly double[] Gaussian = NormalisedGaussian();

    private static double[] NormalisedGaussian()
    {
        var g = new double[11];
        for (var i = 0; i < 11; i++) g[i] = Math.Exp(-(i - 5) * (i - 5) / 4.5);
        var sum = g.Sum();
        return g.Select(v => v / sum).ToArray();
    }

    private static double[] Pixels(int count, int seed, double scale = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => scale * random.NextDouble()).ToArray();
    }

    private static torch.Tensor Image(int n, int c, int h, int w, int seed) =>
        torch.tensor(Pixels(n * c * h * w, seed).Select(v => (float)v).ToArray(), [n, c, h, w]);
}
