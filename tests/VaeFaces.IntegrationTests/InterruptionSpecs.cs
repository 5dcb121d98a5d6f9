using MassTransit.Testing;
using Microsoft.Extensions.Hosting;
using VaeFaces.Contracts;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;
using VaeFaces.Worker.Training;

namespace VaeFaces.IntegrationTests;

[Collection(SyntheticFacesCollection.Name)]
public class InterruptionSpecs(SyntheticFacesFixture faces)
{
    private sealed class StoppableLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource stopping = new();
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => stopping.Cancel();
    }

    [Fact]
    public async Task Training_cut_short_by_the_worker_stopping_ends_interrupted_and_the_rerun_starts_resumed()
    {
        var command = JobHost.SmallTraining("interrupted") with { Epochs = 4, BatchSize = 32, CheckpointEverySteps = 2, EarlyStoppingPatience = 0 };
        // Each host in its own async method: MassTransit keeps its log context in an AsyncLocal, which must not carry
        // the first (disposed) host's logger factory into the second.
        await StopDuringTrainingAsync(command);
        await RerunAsync(command);
    }

    private async Task StopDuringTrainingAsync(TrainModel command)
    {
        var checkpoint = command.Output.Child(TrainModelJob.CheckpointName(command.JobId));
        var lifetime = new StoppableLifetime();
        await using var host = new JobHost(faces.Root, lifetime);
        await host.StartAsync();
        await host.Harness.Bus.Publish(command);
        // The trainer checkpoints as it starts: from then on the job is training.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await host.Store.ExistsAsync(checkpoint))
        {
            Assert.True(DateTime.UtcNow < deadline, "training did not start");
            await Task.Delay(50);
        }
        lifetime.StopApplication();

        var interrupted = await host.WaitForManifestAsync(command, m => m.Status != JobStatus.Running);
        Assert.Equal(JobStatus.Interrupted, interrupted.Status);
        Assert.Equal("the worker stopped", interrupted.Error);
        Assert.NotNull(interrupted.FinishedAt);
        Assert.Empty(interrupted.Outputs);
        Assert.True(await host.Store.ExistsAsync(checkpoint), "the checkpoint was not kept");
        var events = host.Harness.Published;
        Assert.Equal("the worker stopped", Assert.Single(events.Select<JobInterrupted>(m => m.Context.Message.JobId == command.JobId)).Context.Message.Reason);
        Assert.False(Assert.Single(events.Select<JobStarted>(m => m.Context.Message.JobId == command.JobId)).Context.Message.Resumed);
        Assert.Empty(events.Select<JobFailed>(m => m.Context.Message.JobId == command.JobId));
    }

    private async Task RerunAsync(TrainModel command)
    {
        await using var host = new JobHost(faces.Root);
        await host.StartAsync();
        var done = await host.RunAsync(command);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(1, done.Metrics["resumed"]);
        Assert.True(Assert.Single(host.Harness.Published.Select<JobStarted>(m => m.Context.Message.JobId == command.JobId)).Context.Message.Resumed);
    }
}
