using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using VaeFaces.Contracts;
using VaeFaces.Storage;
using VaeFaces.Worker;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.IntegrationTests.Storage;

/// <summary>
/// A job's lease on real Azurite broken from outside while the job runs (JobRunner on MassTransit's in-memory harness):
/// the job stops within a renewal, its next write is refused, and the job's next delivery takes over cleanly.
/// </summary>
[Collection(Distributed.DistributedCollection.Name)]
public sealed class LeaseLossSpecs(Distributed.DistributedFixture services, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string connectionString = services.Servers.Blobs.ConnectionString;

    /// <summary>AzureBlobStore's default renewal period.</summary>
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<Guid, Attempts> Runs = new();

    private readonly string container = "t" + Guid.NewGuid().ToString("N");
    private readonly string folder = Directory.CreateTempSubdirectory("vaefaces-lease-").FullName;
    private ServiceProvider provider = null!;
    private ITestHarness harness = null!;
    private AzureBlobStore store = null!;

    public async Task InitializeAsync()
    {
        store = BlobStores.Azure(connectionString, null, Path.Combine(folder, "cache"));
        await store.UploadBytesAsync(new BlobLocation(container, "probe"), [1]);
        provider = new ServiceCollection().AddLogging()
            .Configure<WorkerOptions>(o =>
            {
                o.CacheDirectory = Path.Combine(folder, "cache");
                o.LockRetryInterval = TimeSpan.FromMilliseconds(500);
            })
            .AddSingleton<IBlobStore>(store).AddSingleton<JobRunner>().AddSingleton<RunningJobs>()
            .AddMassTransitTestHarness(bus =>
                bus.AddConsumer<JobConsumer<GenerateSamples, LeaseBrokenJob>, JobConsumerDefinition<GenerateSamples, LeaseBrokenJob>>())
            .BuildServiceProvider(true);
        harness = provider.GetRequiredService<ITestHarness>();
        harness.TestTimeout = TimeSpan.FromSeconds(60);
        // The job sits quietly for up to a renewal while its lease is broken: that is not the end of the test.
        harness.TestInactivityTimeout = Renewal * 3;
        await harness.Start();
    }

    public async Task DisposeAsync()
    {
        await harness.Stop();
        await provider.DisposeAsync();
        await Client().DeleteIfExistsAsync();
        Directory.Delete(folder, recursive: true);
    }

    private BlobContainerClient Client() =>
        new BlobServiceClient(connectionString, new BlobClientOptions(BlobServiceClients.EmulatorServiceVersion)).GetBlobContainerClient(container);

    [Fact]
    public async Task A_job_whose_lease_is_broken_stops_within_a_renewal_writes_nothing_more_and_its_next_delivery_takes_over()
    {
        var command = new GenerateSamples
        {
            JobId = Guid.NewGuid(), Model = new("models", "m"), Statistics = new("stats", "s"), Output = new(container, "job"),
        };
        var attempts = Runs[command.JobId] = new Attempts(Client().GetBlobClient("job/job.lock").GetBlobLeaseClient());

        var clock = Stopwatch.StartNew();
        await harness.Bus.Publish(command);

        Assert.True(await harness.Published.Any<JobSucceeded>(m => m.Context.Message.JobId == command.JobId), "the job never succeeded");
        output.WriteLine($"stopped {attempts.StoppedAfter?.TotalSeconds:F2} s after its lease was broken; succeeded on its next delivery {clock.Elapsed.TotalSeconds:F1} s after it was sent");
        Assert.True(attempts.StoppedAfter is { } stopped && stopped <= Renewal + TimeSpan.FromSeconds(2),
            $"the job was not stopped within a renewal of its lease being broken (waited {attempts.StoppedAfter?.TotalSeconds:F1} s)");
        Assert.True(attempts.WriteError is not null, "the first attempt's write after losing its lease was not refused");
        Assert.Contains("lease", attempts.WriteError.Message, StringComparison.Ordinal);
        var interrupted = Assert.Single(harness.Published.Select<JobInterrupted>(), m => m.Context.Message.JobId == command.JobId);
        Assert.StartsWith("lost the job's lease", interrupted.Context.Message.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Published.Select<JobFailed>(m => m.Context.Message.JobId == command.JobId));
        // Only the attempt that held the lease wrote the artifact.
        Assert.Equal("second", await store.ReadTextAsync(command.Output.Child("model.bin")));
        Assert.Equal(2, attempts.Count);
    }

    private sealed class Attempts(BlobLeaseClient outside)
    {
        public BlobLeaseClient Outside { get; } = outside;
        public int Count;
        public TimeSpan? StoppedAfter { get; set; }
        public DateTime Broken { get; set; }
        public Exception? WriteError { get; set; }
    }

    /// <summary>The first attempt has its lease broken from outside, waits to be stopped, then tries to write; the next just writes.</summary>
    private sealed class LeaseBrokenJob : IJob<GenerateSamples>
    {
        public static async Task RunAsync(GenerateSamples command, JobWorkspace job)
        {
            var attempts = Runs[command.JobId];
            if (Interlocked.Increment(ref attempts.Count) > 1)
            {
                await job.WriteOutputAsync("model.bin", Encoding.UTF8.GetBytes("second"));
                return;
            }
            await attempts.Outside.BreakAsync(TimeSpan.Zero);
            attempts.Broken = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            try
            {
                await Task.Delay(Renewal * 3, job.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                attempts.StoppedAfter = clock.Elapsed;
            }
            try
            {
                await job.WriteOutputAsync("model.bin", Encoding.UTF8.GetBytes("first"));
            }
            catch (Exception e)
            {
                attempts.WriteError = e;
                throw;
            }
        }
    }
}
