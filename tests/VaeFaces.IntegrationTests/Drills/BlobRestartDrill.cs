using VaeFaces.Contracts;
using VaeFaces.IntegrationTests.Distributed;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;
using Xunit.Abstractions;

namespace VaeFaces.IntegrationTests.Drills;

[Collection(DistributedCollection.Name), Trait("Category", "Drill")]
public class BlobRestartDrill(DistributedFixture fixture, ITestOutputHelper output) : JobSpecs(fixture)
{
    [Fact]
    public async Task Azurite_restarted_mid_training_the_job_succeeds_or_fails_clearly_and_presents_no_partial_results()
    {
        using var worker = Services.StartWorker();
        var running = await Services.TrainingUnderwayAsync(worker, epochs: 8, pastFraction: 0.2);
        var outage = await ServiceOutage.RestartAsync(Services.Servers.Blobs, TimeSpan.FromSeconds(10));
        var done = await Services.WaitUntilFinishedAsync(running.Id, TimeSpan.FromMinutes(10), worker);

        var manifest = await Services.Blobs.ReadJsonAsync<JobManifest>(BlobLocation.Parse(done.Output).Child(JobManifest.FileName));
        var missing = new List<string>();
        foreach (var artifact in done.Artifacts)
            if (!await Services.Blobs.ExistsAsync(BlobLocation.Parse(artifact))) missing.Add(artifact);
        // Succeeded: every listed artifact is there. Failed: a reason, and nothing presented as a result.
        var consistent = done.Status switch
        {
            JobStatus.Succeeded => missing.Count == 0 && manifest?.Status == JobStatus.Succeeded,
            JobStatus.Failed => !string.IsNullOrWhiteSpace(done.Error) && done.Artifacts.Count == 0 && manifest?.Status != JobStatus.Succeeded,
            _ => false,
        };
        DrillReport.Write(output, "blob-restart", "Azurite restarted mid-training: retries and succeeds, or fails with a clear reason; no partial results",
            consistent,
            $"blob storage unreachable {outage.TotalSeconds:F0} s; job {done.Status}{(done.Error is null ? "" : $" ({done.Error})")}, " +
            $"resumed: {done.Resumed}; {done.Artifacts.Count} artifacts listed, {missing.Count} missing; manifest {manifest?.Status}");
        Assert.True(consistent, $"{done.Status}: {done.Error}; missing {string.Join(", ", missing)}\n{worker.Output}");
    }
}
