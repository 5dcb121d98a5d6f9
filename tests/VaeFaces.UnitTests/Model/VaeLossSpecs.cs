using TorchSharp;
using static TorchSharp.torch;
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
    public void Sigma_vae_loss_is_the_gaussian_nll_at_the_batch_mse_plus_the_elbo_kl_per_pixel()
    {
        using var scope = torch.NewDisposeScope();
        // 12 pixel values (3 x 2 x 2), four off by 0.3: MSE = 4 x 0.09 / 12 = 0.03 = sigma^2.
        var images = torch.zeros(1, 3, 2, 2);
        var reconstruction = torch.tensor(new float[] { 0.3f, 0, 0, 0, 0, 0.3f, 0, 0, 0, 0, 0.3f, 0.3f }, [1, 3, 2, 2]);
        var mean = torch.tensor(new float[] { 1, 0 }, [1, 2]);
        var logVar = torch.tensor(new float[] { 0, MathF.Log(2) }, [1, 2]);

        var terms = VaeLoss.SigmaVae(images, new VaeOutput(reconstruction, mean, logVar), VaeLoss.ElboKlWeight(2, 12));

        // 0.5 ln 0.03 + 0.5 = -1.2532789; the KL summed over both dimensions, 0.6534264, per 12 values = 0.0544522.
        Assert.Equal(0.03, terms.Reconstruction.item<float>(), 6);
        Assert.Equal(0.3267132, terms.Kl.item<float>(), 6);
        Assert.Equal(-1.2532789 + 0.0544522, terms.Total.item<float>(), 5);
    }

    [Fact]
    public void Sigma_vae_floors_sigma_squared_so_a_perfect_reconstruction_stays_finite()
    {
        using var scope = torch.NewDisposeScope();
        var images = torch.rand(2, 3, 4, 4);
        var terms = VaeLoss.SigmaVae(images, new VaeOutput(images.clone(), torch.zeros(2, 5), torch.zeros(2, 5)), 1);
        // log sigma = -6 at the floor: 0.5 log sigma^2 = -6, and 0.5 MSE / sigma^2 = 0.
        Assert.Equal(-6, terms.Total.item<float>(), 5);
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(1.05)]
    public void The_mse_is_the_variance_that_minimises_the_gaussian_nll(double factor)
    {
        using var scope = torch.NewDisposeScope();
        var mse = torch.tensor(0.03, torch.float64);
        var atMse = VaeLoss.GaussianNll(mse, mse).item<double>();
        Assert.True(VaeLoss.GaussianNll(mse, mse * factor).item<double>() > atMse);
    }

    [Fact]
    public void Sigma_vae_gradient_is_the_mse_gradient_over_twice_the_mse()
    {
        using var scope = torch.NewDisposeScope();
        torch.random.manual_seed(4);
        var images = torch.rand(2, 3, 4, 4);
        var reconstruction = torch.rand(2, 3, 4, 4).requires_grad_();
        var output = new VaeOutput(reconstruction, torch.zeros(2, 5), torch.zeros(2, 5));

        var mse = nn.functional.mse_loss(reconstruction, images);
        var expected = torch.autograd.grad([mse], [reconstruction])[0] / (2 * mse.detach());
        var actual = torch.autograd.grad([VaeLoss.SigmaVae(images, output, 1).Total], [reconstruction])[0];

        Assert.True(torch.allclose(expected, actual, rtol: 1e-5, atol: 1e-8));
    }

    [Fact]
    public void Kl_is_zero_for_the_standard_normal()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(0, VaeLoss.Kl(torch.zeros(4, 8), torch.zeros(4, 8)).item<float>(), 7);
    }
}
