using TorchSharp;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Training;

namespace VaeFaces.UnitTests.Training;

public class TrainingStepSpecs
{
    private static readonly LossSettings Mse = new(ReconstructionLikelihood.Mse, 0.01);

    [Fact]
    public void A_finite_step_updates_the_weights_and_frees_every_tensor_it_made()
    {
        var (model, optimizer) = Create();
        using (model)
        using (optimizer)
        using (var images = torch.rand(4, 3, 64, 64))
        {
            var step = new TrainingStep(model, optimizer, gradientClipNorm: 0);
            var before = Weights(model);
            step.Run(() => images, Mse);
            var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

            var result = step.Run(() => images.clone(), Mse);

            Assert.True(result.Applied);
            Assert.True(double.IsFinite(result.Loss) && result.Loss > 0);
            Assert.Equal(result.Reconstruction + 0.01 * result.Kl, result.Loss, 1e-6);
            Assert.NotEqual(before, Weights(model));
            // The batch made inside the step (the clone) and every intermediate are disposed with the step's scope.
            Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }
    }

    [Fact]
    public void A_step_with_a_non_finite_loss_changes_no_weight()
    {
        var (model, optimizer) = Create();
        using (model)
        using (optimizer)
        using (var images = torch.rand(2, 3, 64, 64))
        {
            var before = Weights(model);

            // A NaN weight makes the loss NaN; NaN images would too, but leave NaN-filled memory that other specs' convs read.
            var result = new TrainingStep(model, optimizer, gradientClipNorm: 1).Run(() => images, Mse with { KlWeight = double.NaN });

            Assert.False(result.Applied);
            Assert.True(double.IsNaN(result.Loss));
            Assert.Equal(before, Weights(model));
        }
    }

    [Fact]
    public void Sigma_vae_steps_give_a_finite_decreasing_loss_and_report_the_plain_mse()
    {
        var (model, optimizer) = Create();
        using (model)
        using (optimizer)
        using (var images = torch.rand(4, 3, 64, 64))
        {
            var options = TrainingOptions.Defaults with { Model = new ModelOptions { ImageSize = 64, LatentDim = 16 }, Likelihood = ReconstructionLikelihood.SigmaVae };
            var loss = options.LossAt(1);
            var step = new TrainingStep(model, optimizer, gradientClipNorm: 0);

            var results = Enumerable.Range(0, 8).Select(_ => step.Run(() => images, loss)).ToList();

            Assert.All(results, r => Assert.True(r.Applied && double.IsFinite(r.Loss)));
            Assert.True(results[^1].Loss < results[0].Loss, $"loss went from {results[0].Loss} to {results[^1].Loss}");
            // Reconstruction is the MSE itself: the loss is the Gaussian NLL at sigma^2 = that MSE, 0.5 log MSE + 0.5, plus the KL.
            Assert.All(results, r => Assert.Equal(0.5 * Math.Log(r.Reconstruction) + 0.5 + loss.KlWeight * r.Kl, r.Loss, 1e-5));
        }
    }

    private static (VariationalAutoencoder, torch.optim.Optimizer) Create()
    {
        torch.random.manual_seed(2);
        var model = new VariationalAutoencoder(new ModelOptions { ImageSize = 64, LatentDim = 16 });
        model.train();
        return (model, torch.optim.Adam(model.parameters(), 1e-3));
    }

    private static float[] Weights(VariationalAutoencoder model)
    {
        using var scope = torch.NewDisposeScope();
        return model.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();
    }
}
