using TorchSharp;
using VaeFaces.Contracts;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Training;

namespace VaeFaces.UnitTests.Training;

public class LossSettingsSpecs
{
    [Fact]
    public void The_default_is_exactly_the_tutorials_loss()
    {
        using var scope = torch.NewDisposeScope();
        torch.random.manual_seed(3);
        var (images, output) = (torch.rand(2, 3, 4, 4), new VaeOutput(torch.rand(2, 3, 4, 4), torch.randn(2, 5), torch.randn(2, 5)));

        var loss = TrainingOptions.Defaults.LossAt(0);
        var terms = loss.Compute(images, output);
        var tutorial = VaeLoss.Compute(images, output, TrainModel.Defaults.KlWeight);

        Assert.Equal(new LossSettings(ReconstructionLikelihood.Mse, 0.01), loss);
        Assert.Equal(tutorial.Total.item<float>(), terms.Total.item<float>());
        Assert.Equal(tutorial.Reconstruction.item<float>(), terms.Reconstruction.item<float>());
    }

    [Fact]
    public void Sigma_vae_weighs_the_kl_as_the_elbo_does_through_the_warmup()
    {
        var options = TrainingOptions.From(TrainModel.Defaults with
        {
            Likelihood = "Sigma-VAE", ImageSize = 64, LatentDim = 16, KlWeight = 0.5, KlWarmupEpochs = 4,
        });

        Assert.Equal(ReconstructionLikelihood.SigmaVae, options.Likelihood);
        // The KL summed over 16 dimensions per 3 x 64 x 64 pixel values, not the KlWeight setting; half of it mid-warm-up.
        Assert.Equal(16.0 / (3 * 64 * 64), options.LossAt(9).KlWeight, 12);
        Assert.Equal(0.5 * 16 / (3 * 64 * 64), options.LossAt(2).KlWeight, 12);
        Assert.Equal(0, options.LossAt(0).KlWeight);
    }
}
