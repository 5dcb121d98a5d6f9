using VaeFaces.Contracts;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// Base of the specs that create jobs: after each spec its unfinished jobs are cancelled (the collection runs one spec
/// at a time), so a spec that failed midway does not leave work that keeps the next spec's workers busy.
/// </summary>
public abstract class JobSpecs(DistributedFixture services) : IAsyncLifetime
{
    protected DistributedFixture Services { get; } = services;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Services.CancelUnfinishedJobsAsync();

    /// <summary>
    /// The manifest once a worker has ended the job. The API can say Failed or Cancelled a moment before the manifest
    /// does: the worker publishes the final event before its clean-up, which writes the final manifest.
    /// </summary>
    protected async Task<JobManifest> WaitForFinalManifestAsync(BlobLocation output, TimeSpan timeout, DotnetProcess worker)
    {
        var blob = output.Child(JobManifest.FileName);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await Services.Blobs.ExistsAsync(blob) && await Services.Blobs.ReadJsonAsync<JobManifest>(blob) is { Status: not JobStatus.Running } manifest)
                return manifest;
            Assert.True(DateTime.UtcNow < deadline, "no worker ended the job:\n" + worker.Output);
            await Task.Delay(250);
        }
    }
}
