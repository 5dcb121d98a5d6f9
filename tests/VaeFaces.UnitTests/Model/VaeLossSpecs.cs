using TorchSharp;
using VaeFaces.Ml.Model;

namespace VaeFaces.UnitTests.Model;

public class VaeLossSpecs
{
    [Fact]
    public void Loss_is_pixel_mse_plus_weighted_kl_averaged_over_dimensions()
    {
        using var scope = torch.NewDisposeScope();
        // Two pixels off by 0.5 and 0.1 out of four: MSE = (0.25 + 0.01) / 4 = 0.065.
        var images = torch.tensor(new float[] { 0, 0, 1, 1 }, [1, 1, 2, 2]);
        var reconstruction = torch.tensor(new float[] { 0.5f, 0, 0.9f, 1 }, [1, 1, 2, 2]);
        // KL per dim: mean 1, logvar 0 -> 0.5; mean 0, logvar ln 2 -> -0.5 (1 + ln 2 - 2) = 0.1534264.
        var mean = torch.tensor(new float[] { 1, 0 }, [1, 2]);
        var logVar = torch.tensor(new float[] { 0, MathF.Log(2) }, [1, 2]);

        var terms = VaeLoss.Compute(images, new VaeOutput(reconstruction, mean, logVar), 0.01);

        Assert.Equal(0.065, terms.Reconstruction.item<float>(), 6);
        Assert.Equal(0.3267132, terms.Kl.item<float>(), 6);
        Assert.Equal(0.065 + 0.01 * 0.3267132, terms.Total.item<float>(), 6);
    }

    [Fact]
    public void Kl_is_zero_for_the_standard_normal()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(0, VaeLoss.Kl(torch.zeros(4, 8), torch.zeros(4, 8)).item<float>(), 7);
    }
}
