using System.Net;
using System.Net.Http.Json;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.IntegrationTests.Distributed;

[Collection(DistributedCollection.Name)]
public class CancellationSpecs(DistributedFixture fixture) : JobSpecs(fixture)
{
    [Fact]
    public async Task Cancelling_a_running_job_stops_its_worker_and_keeps_the_checkpoint()
    {
        using var worker = Services.StartWorker();
        var id = await Services.SubmitAsync(nameof(TrainModel), Services.TrainParameters(epochs: 200, checkpointEverySteps: 2));
        var running = await Services.WaitForAsync(id, j => j.Status == JobStatus.Running && j.Stage == "training",
            TimeSpan.FromMinutes(3), worker);
        var checkpoint = BlobLocation.Parse(running.Output).Child($"checkpoints/{id}.ckpt");
        while (!await Services.Blobs.ExistsAsync(checkpoint)) await Task.Delay(200);

        var cancel = await Services.Api.DeleteAsync($"/api/jobs/{id}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.True((await cancel.Content.ReadFromJsonAsync<JobView>(JobJson.Options))!.CancelRequested);
        var cancelled = await Services.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(60), worker);

        Assert.Equal(JobStatus.Cancelled, cancelled.Status);
        Assert.Empty(cancelled.Artifacts);
        Assert.True(await Services.Blobs.ExistsAsync(checkpoint), "the last checkpoint was not kept");
        // The final event goes out before the worker's clean-up, so the manifest may follow it by a moment.
        var manifest = await WaitForFinalManifestAsync(BlobLocation.Parse(running.Output), TimeSpan.FromSeconds(30), worker);
        Assert.Equal(JobStatus.Cancelled, manifest.Status);
        Assert.False(await Services.Blobs.ExistsAsync(BlobLocation.Parse(running.Output).Child(ModelFileName)));
        Assert.Equal(HttpStatusCode.Conflict, (await Services.Api.DeleteAsync($"/api/jobs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_queued_job_ends_it_at_once_and_a_worker_that_takes_it_later_does_not_run_it()
    {
        var id = await Services.SubmitAsync(nameof(TrainModel), Services.TrainParameters(epochs: 200));
        Assert.Equal(HttpStatusCode.Accepted, (await Services.Api.DeleteAsync($"/api/jobs/{id}")).StatusCode);
        Assert.Equal(JobStatus.Cancelled, (await Services.GetAsync(id)).Status);

        using var worker = Services.StartWorker();
        // The worker that takes the message records the job as cancelled in its manifest.
        var output = BlobLocation.Parse((await Services.GetAsync(id)).Output);
        var manifest = await WaitForFinalManifestAsync(output, TimeSpan.FromMinutes(2), worker);
        Assert.Equal(JobStatus.Cancelled, manifest.Status);
        var job = await Services.GetAsync(id);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Empty(job.Artifacts);
    }

    private const string ModelFileName = "model.bin";
}
