using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.IntegrationTests.Distributed.Services;
using VaeFaces.Ml.Synthetic;
using VaeFaces.Storage;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// Real RabbitMQ, Azurite and PostgreSQL (containers or native: <see cref="TestServices"/>), a Scheduler process, and a
/// synthetic dataset uploaded to Azurite. Each run gets its own RabbitMQ virtual host, database and blob containers, so
/// runs and leftovers never meet.
/// </summary>
public sealed class DistributedFixture : IAsyncLifetime
{
    // Secrets the Scheduler accepts: 32 characters or more, no placeholder words (see Scheduler/Api/SecretRules.cs).
    public const string ApiKey = "vaefaces-integration-k7Qm2Rz9Tw4Xp8Ln3Vb6";
    public const string DashboardUsername = "operator";
    public const string DashboardPassword = "vaefaces-dashboard-Hq4Wz8Np2Lx7Rc5Tv9";
    public const int Faces = 240;

    private readonly List<DotnetProcess> processes = [];
    private string? work;

    public string RunId { get; } = "t" + Guid.NewGuid().ToString("N")[..12];
    public SharedServices Servers { get; private set; } = null!;
    public Dictionary<string, string> Environment { get; private set; } = [];
    public HttpClient Api { get; private set; } = null!;
    public AzureBlobStore Blobs { get; private set; } = null!;
    public BlobLocation Dataset => new($"data-{RunId}", "faces");
    public DotnetProcess Scheduler { get; private set; } = null!;
    public string Work => work!;

    public async Task InitializeAsync()
    {
        Servers = await TestServices.StartSharedAsync();
        await Servers.Broker.AddVirtualHostAsync(RunId);
        var database = new NpgsqlConnectionStringBuilder(Servers.Database.ConnectionString);
        await using (var admin = NpgsqlDataSource.Create(database.ConnectionString))
        await using (var create = admin.CreateCommand($"create database {RunId}"))
            await create.ExecuteNonQueryAsync();
        database.Database = RunId;

        Environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = Servers.Broker.UrlOf(RunId),
            ["ConnectionStrings__Blobs"] = Servers.Blobs.ConnectionString,
            ["ConnectionStrings__Jobs"] = database.ConnectionString,
            ["Api__Key"] = ApiKey,
            ["Dashboard__Username"] = DashboardUsername,
            ["Dashboard__Password"] = DashboardPassword,
            ["Scheduler__QueuePollInterval"] = "00:00:01",
            ["Worker__ProgressInterval"] = "00:00:00.500",
            ["Worker__LockRetryInterval"] = "00:00:01",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };

        work = Directory.CreateTempSubdirectory("vaefaces-dist-").FullName;
        Blobs = BlobStores.Azure(Environment["ConnectionStrings__Blobs"], null, Path.Combine(work, "cache"));
        var faces = Path.Combine(work, "faces");
        SyntheticFaceGenerator.Generate(faces, new SyntheticFaceOptions(Faces, Seed: 5, ValidationFraction: 0.15, TestFraction: 0.25));
        await Blobs.UploadFolderAsync(faces, Dataset, null, CancellationToken.None);

        Scheduler = StartScheduler();
        Api = new HttpClient { BaseAddress = SchedulerAddress };
        Api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        Jobs = new JobApi(Api, () => []);
        await WaitForHealthAsync(SchedulerAddress, Scheduler);
    }

    public Uri SchedulerAddress { get; } = new($"http://127.0.0.1:{FreePort()}");

    public DotnetProcess StartScheduler()
    {
        var scheduler = DotnetProcess.Program("Scheduler",
            new Dictionary<string, string>(Environment) { ["ASPNETCORE_URLS"] = SchedulerAddress.ToString() });
        processes.Add(scheduler);
        return scheduler;
    }

    public async Task RestartSchedulerAsync()
    {
        Scheduler.Kill();
        Scheduler = StartScheduler();
        await WaitForHealthAsync(SchedulerAddress, Scheduler);
    }

    /// <summary>A Scheduler of its own, on another port, with these settings over the run's; healthy when this returns.</summary>
    public async Task<(DotnetProcess Process, HttpClient Api)> StartOtherSchedulerAsync(IReadOnlyDictionary<string, string> overrides)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = new Dictionary<string, string>(Environment) { ["ASPNETCORE_URLS"] = address.ToString() };
        foreach (var (name, value) in overrides) environment[name] = value;
        var scheduler = DotnetProcess.Program("Scheduler", environment);
        processes.Add(scheduler);
        await WaitForHealthAsync(address, scheduler);
        var api = new HttpClient { BaseAddress = address };
        api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return (scheduler, api);
    }

    /// <summary>A worker process on the run's broker and Azurite, with a decoded-image cache of its own.</summary>
    public DotnetProcess StartWorker(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = new Dictionary<string, string>(Environment)
        {
            ["Worker__CacheDirectory"] = Path.Combine(Work, $"worker-cache-{Guid.NewGuid():N}"),
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>()) environment[name] = value;
        var worker = DotnetProcess.Program("Worker", environment);
        processes.Add(worker);
        return worker;
    }

    /// <summary>Parameters of a short training run on the uploaded faces.</summary>
    public object TrainParameters(int epochs = 2, int checkpointEverySteps = 200) => new
    {
        dataset = Dataset.ToString(),
        imageSize = 64,
        epochs,
        batchSize = 32,
        learningRate = 0.001,
        earlyStoppingPatience = 0,
        checkpointEverySteps,
    };

    /// <summary>Submits a TrainModel and waits until this worker runs it, training, past the given fraction.</summary>
    public async Task<JobView> TrainingUnderwayAsync(DotnetProcess worker, int epochs, double pastFraction)
    {
        var id = await SubmitAsync(nameof(TrainModel), TrainParameters(epochs, checkpointEverySteps: 3));
        var running = await WaitForAsync(id, j => j.Status == JobStatus.Running && j.Stage == "training" && j.Progress > pastFraction,
            TimeSpan.FromMinutes(3), worker);
        Assert.EndsWith($"/{worker.Id}", running.Worker);
        return running;
    }

    public JobApi Jobs { get; private set; } = null!;

    public Task<Guid> SubmitAsync(string kind, object parameters) => Jobs.SubmitAsync(kind, parameters);

    public async Task<JobView> GetAsync(Guid id) => await FindAsync(id) ?? throw new InvalidOperationException($"job {id} not found");

    public Task<JobView?> FindAsync(Guid id) => Jobs.FindAsync(id);

    public Task<JobView> WaitForAsync(Guid id, Func<JobView, bool> condition, TimeSpan timeout, params DotnetProcess[] watch) =>
        Jobs.WaitForAsync(id, condition, timeout, watch);

    /// <summary>
    /// Cancels every job that has not ended. The specs of the collection run one at a time, so after a spec these are its
    /// own leftovers (a spec that failed midway): their messages must not keep the next spec's workers busy.
    /// </summary>
    public async Task CancelUnfinishedJobsAsync()
    {
        foreach (var status in new[] { JobStatus.Queued, JobStatus.Running })
            foreach (var job in (await Api.GetFromJsonAsync<List<JobView>>($"/api/jobs?status={status}&limit=1000", JobJson.Options))!)
                await Api.DeleteAsync($"/api/jobs/{job.Id}");
    }

    public Task<JobView> WaitUntilFinishedAsync(Guid id, TimeSpan timeout, params DotnetProcess[] watch) =>
        WaitForAsync(id, j => j.Status.IsFinal(), timeout, watch);

    public async Task DisposeAsync()
    {
        foreach (var process in processes) process.Dispose();
        Api?.Dispose();
        if (Servers is not null)
        {
            try
            {
                await Servers.Broker.DeleteVirtualHostAsync(RunId);
            }
            catch (InvalidOperationException)
            {
                // Leftover vhosts are harmless; the next run makes its own.
            }
            await Servers.DisposeAsync();
        }
        if (work is not null) Directory.Delete(work, recursive: true);
    }

    private static async Task WaitForHealthAsync(Uri address, DotnetProcess scheduler)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        using var probe = new HttpClient { BaseAddress = address };
        while (true)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (scheduler.HasExited || DateTime.UtcNow > deadline) Assert.Fail("the Scheduler did not become healthy:\n" + scheduler.Output);
            await Task.Delay(200);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<DistributedFixture>
{
    public const string Name = "distributed";
}
