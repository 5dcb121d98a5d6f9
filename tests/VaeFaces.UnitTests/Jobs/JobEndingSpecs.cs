using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using VaeFaces.Contracts;
using VaeFaces.Storage;
using VaeFaces.Worker;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.UnitTests.Jobs;

/// <summary>How a job's end is reported when storage fails during its clean-up (JobRunner on the in-memory test harness).</summary>
public sealed class JobEndingSpecs : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("vaefaces-ending-").FullName;
    private readonly FlakyBlobStore store;
    private ServiceProvider provider = null!;
    private ITestHarness harness = null!;

    public JobEndingSpecs() => store = new FlakyBlobStore(folder);

    public async Task InitializeAsync()
    {
        provider = new ServiceCollection().AddLogging()
            .Configure<WorkerOptions>(o => o.CacheDirectory = Path.Combine(folder, "cache"))
            .AddSingleton<IBlobStore>(store).AddSingleton<JobRunner>().AddSingleton<RunningJobs>()
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<JobConsumer<GenerateSamples, StorageFailsThenInputErrorJob>, JobConsumerDefinition<GenerateSamples, StorageFailsThenInputErrorJob>>();
                bus.AddConsumer<JobConsumer<ExploreAttributes, StorageFailsThenCancelledJob>, JobConsumerDefinition<ExploreAttributes, StorageFailsThenCancelledJob>>();
                bus.AddConsumer<JobConsumer<EditImages, ManyOutputsJob>, JobConsumerDefinition<EditImages, ManyOutputsJob>>();
            })
            .BuildServiceProvider(true);
        harness = provider.GetRequiredService<ITestHarness>();
        harness.TestTimeout = TimeSpan.FromSeconds(20);
        // A loaded machine can take longer than the harness's 1.2 s of inactivity between the send and the final event.
        harness.TestInactivityTimeout = TimeSpan.FromSeconds(5);
        await harness.Start();
    }

    public async Task DisposeAsync()
    {
        await harness.Stop();
        await provider.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_failed_job_is_reported_failed_even_when_storage_fails_during_its_clean_up()
    {
        var command = new GenerateSamples
        {
            JobId = Guid.NewGuid(), Model = new("models", "m"), Statistics = new("stats", "s"), Output = new("out", "failing"),
        };
        Stores[command.JobId] = store;

        await harness.Bus.Publish(command);

        Assert.True(await harness.Consumed.Any<GenerateSamples>(m => m.Context.Message.JobId == command.JobId));
        var failed = Assert.Single(harness.Published.Select<JobFailed>(), m => m.Context.Message.JobId == command.JobId);
        Assert.Equal("the input went bad", failed.Context.Message.Reason);
        // Clean-up could not run: the half-written output is still there, but no manifest presents it as a result.
        store.Down = false;
        var manifest = await store.ReadJsonAsync<JobManifest>(command.Output.Child(JobManifest.FileName));
        Assert.NotNull(manifest);
        Assert.NotEqual(JobStatus.Succeeded, manifest.Status);
        Assert.DoesNotContain("partial.bin", manifest.Outputs);
    }

    [Fact]
    public async Task A_cancelled_job_is_reported_cancelled_even_when_storage_fails_during_its_clean_up()
    {
        var command = new ExploreAttributes
        {
            JobId = Guid.NewGuid(), Model = new("models", "m"), Dataset = new("data", "faces"), Vectors = new("vectors", "v"),
            Output = new("out", "cancelled"),
        };
        Stores[command.JobId] = store;
        Runners[command.JobId] = provider.GetRequiredService<RunningJobs>();

        await harness.Bus.Publish(command);

        Assert.True(await harness.Consumed.Any<ExploreAttributes>(m => m.Context.Message.JobId == command.JobId));
        Assert.True(await harness.Published.Any<JobCancelled>(m => m.Context.Message.JobId == command.JobId));
    }

    [Fact]
    public async Task A_job_with_more_outputs_than_the_limit_lists_the_first_ones_and_a_listing_blob_names_them_all()
    {
        var command = new EditImages
        {
            JobId = Guid.NewGuid(), Model = new("models", "m"), Vectors = new("vectors", "v"), Input = new("data", "faces"),
            Output = new("out", "many"), Edits = new Dictionary<string, double> { ["Smiling"] = 1 },
        };

        await harness.Bus.Publish(command);

        Assert.True(await harness.Published.Any<JobSucceeded>(m => m.Context.Message.JobId == command.JobId));
        var succeeded = harness.Published.Select<JobSucceeded>().Single(m => m.Context.Message.JobId == command.JobId).Context.Message;
        var limit = new WorkerOptions().MaxListedOutputs;
        Assert.True(succeeded.Artifacts.Count <= limit + 2, $"{succeeded.Artifacts.Count} artifacts in the event");
        Assert.Equal(ManyOutputsJob.Count + 2, succeeded.ArtifactCount);
        var manifest = await store.ReadJsonAsync<JobManifest>(command.Output.Child(JobManifest.FileName));
        Assert.True(manifest!.Outputs.Count <= limit + 2, $"{manifest.Outputs.Count} outputs in the manifest");
        Assert.Equal(succeeded.ArtifactListing, manifest.OutputListing);
        Assert.Contains(succeeded.ArtifactListing!, succeeded.Artifacts);
        var listed = (await store.ReadTextAsync(command.Output.Child(succeeded.ArtifactListing!))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, ManyOutputsJob.Count).Select(ManyOutputsJob.Name).Append(JobManifest.FileName).Append(succeeded.ArtifactListing!),
            listed);
        Assert.All(listed.Where(name => name.StartsWith("img/", StringComparison.Ordinal)),
            name => Assert.True(File.Exists(Path.Combine(folder, "out", "many", name)), name));
    }

    private static readonly ConcurrentDictionary<Guid, FlakyBlobStore> Stores = new();
    private static readonly ConcurrentDictionary<Guid, RunningJobs> Runners = new();

    /// <summary>Writes an output, then storage goes down and the job meets bad input.</summary>
    private sealed class StorageFailsThenInputErrorJob : IJob<GenerateSamples>
    {
        public static async Task RunAsync(GenerateSamples command, JobWorkspace job)
        {
            await job.WriteOutputAsync("partial.bin", [1, 2, 3]);
            Stores[command.JobId].Down = true;
            throw new JobInputException("the input went bad");
        }
    }

    /// <summary>Writes more outputs than a manifest lists.</summary>
    private sealed class ManyOutputsJob : IJob<EditImages>
    {
        public const int Count = 1_205;

        public static string Name(int i) => $"img/{i:D6}.jpg";

        public static async Task RunAsync(EditImages command, JobWorkspace job)
        {
            for (var i = 0; i < Count; i++) await job.WriteOutputAsync(Name(i), [(byte)i]);
        }
    }

    /// <summary>Writes an output, then storage goes down and the job is cancelled.</summary>
    private sealed class StorageFailsThenCancelledJob : IJob<ExploreAttributes>
    {
        public static async Task RunAsync(ExploreAttributes command, JobWorkspace job)
        {
            await job.WriteOutputAsync("partial.bin", [1, 2, 3]);
            Stores[command.JobId].Down = true;
            Runners[command.JobId].Cancel(command.JobId);
            job.CancellationToken.ThrowIfCancellationRequested();
        }
    }
}
