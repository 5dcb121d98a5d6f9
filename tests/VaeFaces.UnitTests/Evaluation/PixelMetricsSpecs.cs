using TorchSharp;
using VaeFaces.Ml.Evaluation;

namespace VaeFaces.UnitTests.Evaluation;

public class PixelMetricsSpecs
{
    [Fact]
    public void Psnr_is_20_db_for_a_constant_offset_of_a_tenth_and_infinite_for_identical_images()
    {
        using var images = torch.full(2, 3, 2, 2, 0.5f);
        using var shifted = images + 0.1f;

        var psnr = Psnr.Compute(images, shifted);

        // MSE 0.01: 10 log10(1 / 0.01) = 20 dB.
        Assert.Equal([20.0, 20.0], psnr.Select(p => Math.Round(p, 4)));
        Assert.All(Psnr.Compute(images, images), p => Assert.Equal(double.PositiveInfinity, p));
    }

    [Fact]
    public void Psnr_is_per_image()
    {
        // 12 values per image. Image 0: one value off by 0.2, MSE 0.04 / 12 = 1 / 300. Image 1: all off by 0.1, MSE 0.01.
        var a = new float[24];
        var b = new float[24];
        b[5] = 0.2f;
        for (var i = 12; i < 24; i++) b[i] = 0.1f;
        using var x = torch.tensor(a, [2, 3, 2, 2]);
        using var y = torch.tensor(b, [2, 3, 2, 2]);

        var psnr = Psnr.Compute(x, y);

        Assert.Equal(10 * Math.Log10(300), psnr[0], 4);
        Assert.Equal(20, psnr[1], 4);
    }

    [Fact]
    public void Drift_is_the_mean_absolute_pixel_difference_per_image()
    {
        // Image 0: differences 0.3 and -0.3 at two of 12 values, the rest 0: 0.6 / 12 = 0.05. Image 1: 0.1 everywhere.
        var a = new float[24];
        var b = new float[24];
        b[0] = 0.3f;
        b[7] = -0.3f;
        for (var i = 12; i < 24; i++) (a[i], b[i]) = (0.4f, 0.5f);
        using var edited = torch.tensor(b, [2, 3, 2, 2]);
        using var reconstruction = torch.tensor(a, [2, 3, 2, 2]);

        var drift = PixelDrift.MeanAbsolute(edited, reconstruction);

        Assert.Equal(0.05, drift[0], 6);
        Assert.Equal(0.1, drift[1], 6);
    }

    [Fact]
    public void Images_of_different_shapes_are_refused()
    {
        using var a = torch.zeros(1, 3, 4, 4);
        using var b = torch.zeros(1, 3, 4, 5);
        Assert.Throws<ArgumentException>(() => Psnr.Compute(a, b));
        Assert.Throws<ArgumentException>(() => PixelDrift.MeanAbsolute(a, b));
    }
}
