using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.IntegrationTests.Distributed;

[Collection(DistributedCollection.Name)]
public class EndToEndSpecs(DistributedFixture fixture) : JobSpecs(fixture)
{
    [Fact]
    public async Task Training_submitted_through_the_api_runs_in_a_worker_process_and_its_artifacts_are_in_azurite()
    {
        using var worker = Services.StartWorker();
        var id = await Services.SubmitAsync(nameof(TrainModel), Services.TrainParameters(epochs: 8));

        var running = await Services.WaitForAsync(id, j => j.Status == JobStatus.Running && j.Progress > 0, TimeSpan.FromMinutes(3), worker);
        Assert.NotNull(running.Worker);
        Assert.NotNull(running.Stage);
        var done = await Services.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(5), worker);
        Assert.True(done.Status == JobStatus.Succeeded, done.Error + "\n" + worker.Output);
        Assert.Equal(1, done.Progress);
        Assert.True(done.Metrics["val_recon_mse"] > 0);

        foreach (var name in new[] { "model.bin", "reconstructions.png", "loss_curve.png", "manifest.json" })
            Assert.Contains($"{done.Output}/{name}", done.Artifacts);
        foreach (var artifact in done.Artifacts)
            Assert.True(await Services.Blobs.ExistsAsync(BlobLocation.Parse(artifact)), $"{artifact} is not in Azurite");

        // Job state is in PostgreSQL, not in the Scheduler's memory.
        await Services.RestartSchedulerAsync();
        var after = await Services.GetAsync(id);
        Assert.Equal(JobStatus.Succeeded, after.Status);
        Assert.Equal(done.Artifacts, after.Artifacts);
    }
}
