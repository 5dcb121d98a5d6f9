using VaeFaces.Ml.Common;
using MassTransit.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Training;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.IntegrationTests.Training;

[Collection(SyntheticFacesCollection.Name)]
public class ResumeSpecs(SyntheticFacesFixture faces)
{
    private sealed class CancelAfter(int steps, CancellationTokenSource cancel) : IProgress<WorkProgress>
    {
        private int seen;
        public void Report(WorkProgress value)
        {
            if (++seen == steps) cancel.Cancel();
        }
    }

    [Fact]
    public async Task Stopped_training_checkpoints_where_it_stopped_and_the_resume_ends_where_an_uninterrupted_run_ends()
    {
        using var train = faces.Decode(Split.Train);
        using var validation = faces.Decode(Split.Validation);
        var options = TrainingOptions.Defaults with
        {
            Model = new ModelOptions { ImageSize = 64, LatentDim = 32 }, Epochs = 2, BatchSize = 32, CheckpointEverySteps = 4, EarlyStoppingPatience = 0,
        };

        var straight = await new Trainer(new MemoryCheckpoints(), NullLogger.Instance).TrainAsync(train, validation, options, null, CancellationToken.None);

        var checkpoints = new MemoryCheckpoints();
        using var cancel = new CancellationTokenSource();
        // Stopped after step 6: the trainer checkpoints where it stopped, not only at the last periodic checkpoint (step 4).
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new Trainer(checkpoints, NullLogger.Instance).TrainAsync(train, validation, options, new CancelAfter(6, cancel), cancel.Token));
        var resumed = await new Trainer(checkpoints, NullLogger.Instance).TrainAsync(train, validation, options, null, CancellationToken.None);

        Assert.NotNull(resumed.ResumedFrom);
        Assert.Equal(6, resumed.ResumedFrom.GlobalStep);
        Assert.Equal(straight.History.Select(h => h.ValidationLoss), resumed.History.Select(h => h.ValidationLoss));
        Assert.Equal(straight.History.Select(h => h.TrainLoss), resumed.History.Select(h => h.TrainLoss));
    }

    [Fact]
    public async Task A_repeated_job_id_reports_the_earlier_result_without_training_again()
    {
        await using var host = new JobHost(faces.Root);
        await host.StartAsync();
        var command = JobHost.SmallTraining("idempotent");
        var first = await host.RunAsync(command);
        Assert.Equal(JobStatus.Succeeded, first.Status);

        await host.Harness.Bus.Publish(command);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (host.Harness.Published.Select<JobSucceeded>(m => m.Context.Message.JobId == command.JobId).Count() < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the repeated command was not answered");
            await Task.Delay(50);
        }
        var again = await host.Store.ReadJsonAsync<JobManifest>(command.Output.Child(JobManifest.FileName));
        Assert.Equal(first.StartedAt, again!.StartedAt);
        Assert.Single(host.Harness.Published.Select<JobStarted>(m => m.Context.Message.JobId == command.JobId));
    }
}
