using System.Net;
using System.Net.Http.Json;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Worker.Jobs;
using VaeFaces.Worker.Storage;

namespace VaeFaces.IntegrationTests.Distributed;

[Collection(DistributedCollection.Name)]
public class CancellationSpecs(DistributedFixture services) : IAsyncLifetime
{
    [Fact]
    public async Task Cancelling_a_running_job_stops_its_worker_and_keeps_the_checkpoint()
    {
        using var worker = services.StartWorker();
        var id = await services.SubmitAsync(nameof(TrainModel), services.TrainParameters(epochs: 200, checkpointEverySteps: 2));
        var running = await services.WaitForAsync(id, j => j.Status == JobStatuses.Running && j.Stage == "training",
            TimeSpan.FromMinutes(3), worker);
        var checkpoint = BlobLocation.Parse(running.Output).Child($"checkpoints/{id}.ckpt");
        while (!await services.Blobs.ExistsAsync(checkpoint)) await Task.Delay(200);

        var cancel = await services.Api.DeleteAsync($"/api/jobs/{id}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.True((await cancel.Content.ReadFromJsonAsync<JobView>())!.CancelRequested);
        var cancelled = await services.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60), worker);

        Assert.Equal(JobStatuses.Cancelled, cancelled.Status);
        Assert.Empty(cancelled.Artifacts);
        Assert.True(await services.Blobs.ExistsAsync(checkpoint), "the last checkpoint was not kept");
        var manifest = await services.Blobs.ReadJsonAsync<JobManifest>(BlobLocation.Parse(running.Output).Child(JobManifest.FileName));
        Assert.Equal(JobStatus.Cancelled, manifest!.Status);
        Assert.False(await services.Blobs.ExistsAsync(BlobLocation.Parse(running.Output).Child(ModelFileName)));
        Assert.Equal(HttpStatusCode.Conflict, (await services.Api.DeleteAsync($"/api/jobs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_queued_job_ends_it_at_once_and_a_worker_that_takes_it_later_does_not_run_it()
    {
        var id = await services.SubmitAsync(nameof(TrainModel), services.TrainParameters(epochs: 200));
        Assert.Equal(HttpStatusCode.Accepted, (await services.Api.DeleteAsync($"/api/jobs/{id}")).StatusCode);
        Assert.Equal(JobStatuses.Cancelled, (await services.GetAsync(id)).Status);

        using var worker = services.StartWorker();
        await worker.WaitForOutputAsync($"TrainModel {id} cancelled", TimeSpan.FromMinutes(2));
        var job = await services.GetAsync(id);
        Assert.Equal(JobStatuses.Cancelled, job.Status);
        Assert.Empty(job.Artifacts);
    }

    private const string ModelFileName = "model.bin";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => services.CancelUnfinishedJobsAsync();
}
