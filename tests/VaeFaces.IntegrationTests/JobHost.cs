using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VaeFaces.Contracts;
using VaeFaces.Storage;
using VaeFaces.Worker;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.IntegrationTests;

/// <summary>The real job consumers on MassTransit's in-memory test harness, storing under a temporary folder.</summary>
public sealed class JobHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    /// <param name="lifetime">The worker process's lifetime, whose stopping interrupts jobs; none: it never stops.</param>
    public JobHost(string storageRoot, IHostApplicationLifetime? lifetime = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:StorageRoot"] = storageRoot,
            ["Worker:CacheDirectory"] = Path.Combine(storageRoot, ".cache"),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddVaeJobServices(configuration)
            .AddMassTransitTestHarness(bus => bus.AddJobConsumers());
        if (lifetime is not null) services.AddSingleton(lifetime);
        provider = services.BuildServiceProvider(true);
        Harness = provider.GetRequiredService<ITestHarness>();
        Harness.TestTimeout = TimeSpan.FromMinutes(10);
        // The harness's message lists wait this long for more messages; jobs are followed through their manifests instead.
        Harness.TestInactivityTimeout = TimeSpan.FromSeconds(5);
        Store = provider.GetRequiredService<IBlobStore>();
    }

    /// <summary>A one-epoch TrainModel at 64x64 on the fixture's faces (stored under "faces"), into a new output folder.</summary>
    public static TrainModel SmallTraining(string name) => new()
    {
        JobId = Guid.NewGuid(), Dataset = new BlobLocation("faces"), Output = new BlobLocation($"{name}-{Guid.NewGuid():N}"),
        ImageSize = 64, LatentDim = 16, Epochs = 1, BatchSize = 64,
    };

    public ITestHarness Harness { get; }
    public IBlobStore Store { get; }

    public async Task StartAsync() => await Harness.Start();

    /// <summary>Publishes the command and waits until its manifest says the job ended (an interruption is no end).</summary>
    public async Task<JobManifest> RunAsync<T>(T command, TimeSpan? timeout = null) where T : class, IJobCommand
    {
        await Harness.Bus.Publish(command);
        return await WaitForManifestAsync(command, m => m.Status is not (JobStatus.Running or JobStatus.Interrupted), timeout);
    }

    /// <summary>Waits until the command's manifest matches.</summary>
    public async Task<JobManifest> WaitForManifestAsync<T>(T command, Func<JobManifest, bool> condition, TimeSpan? timeout = null)
        where T : class, IJobCommand
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(5));
        var manifestBlob = command.Output.Child(JobManifest.FileName);
        while (DateTime.UtcNow < deadline)
        {
            if (await Store.ExistsAsync(manifestBlob)
                && await Store.ReadJsonAsync<JobManifest>(manifestBlob) is { } manifest
                && manifest.JobId == command.JobId && condition(manifest))
            {
                return manifest;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{typeof(T).Name} {command.JobId} did not get there within the timeout");
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await provider.DisposeAsync();
    }
}
