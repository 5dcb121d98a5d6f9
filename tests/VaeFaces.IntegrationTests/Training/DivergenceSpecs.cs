using Microsoft.Extensions.Logging.Abstractions;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Training;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.IntegrationTests.Training;

[Collection(SyntheticFacesCollection.Name)]
public class DivergenceSpecs(SyntheticFacesFixture faces)
{
    // A KL weight this large overflows float32: every loss is infinite, as in a real blow-up.
    private const double OverflowingKlWeight = 1e40;

    [Fact]
    public async Task Non_finite_steps_are_skipped_then_rolled_back_with_a_halved_rate_then_fail_naming_where_and_what_was_tried()
    {
        using var train = faces.Decode(Split.Train);
        using var validation = faces.Decode(Split.Validation);
        var options = TrainingOptions.Defaults with
        {
            Model = new ModelOptions { ImageSize = 64, LatentDim = 16 }, Epochs = 1, BatchSize = 32, KlWeight = OverflowingKlWeight,
            MaxBadStepsInARow = 3, MaxRollbacks = 2,
        };
        var checkpoints = new MemoryCheckpoints();
        var trained = new List<TrainedBatch>();

        var error = await Assert.ThrowsAsync<TrainingDivergedException>(() =>
            new Trainer(checkpoints, NullLogger.Instance).TrainAsync(train, validation, options, null, CancellationToken.None, trained.Add));

        Assert.Contains("3 non-finite steps in a row up to epoch 1, step 3", error.Message);
        Assert.Contains("tried 2 rollbacks", error.Message);
        Assert.Empty(trained);
        // The start, then one save per rollback (carrying the count and halved rate); never one with bad weights.
        Assert.Equal(1 + options.MaxRollbacks, checkpoints.Saves);
        using var model = new VariationalAutoencoder(options.Model);
        using var best = new VariationalAutoencoder(options.Model);
        using var optimizer = TorchSharp.torch.optim.Adam(model.parameters());
        var saved = TrainingCheckpoint.Read(new MemoryStream(checkpoints.Latest!), model, best, optimizer);
        Assert.Equal(2, saved.Rollbacks);
        Assert.Equal(0.25, saved.LearningRateScale);
        Assert.True(Trainer.AllFinite(model) && Trainer.AllFinite(best));
    }

    [Fact]
    public async Task A_diverging_TrainModel_job_ends_failed_with_the_reason_and_no_results()
    {
        await using var host = new JobHost(faces.Root);
        await host.StartAsync();
        var command = JobHost.SmallTraining("diverging") with { KlWeight = OverflowingKlWeight };

        var manifest = await host.RunAsync(command);

        Assert.Equal(JobStatus.Failed, manifest.Status);
        Assert.StartsWith("training diverged: 5 non-finite steps in a row up to epoch 1, step 5", manifest.Error);
        Assert.False(await host.Store.ExistsAsync(command.Output.Child(ModelFile.WeightsName)));
        Assert.Empty(host.Harness.Published.Select<JobSucceeded>(m => m.Context.Message.JobId == command.JobId));
    }
}
