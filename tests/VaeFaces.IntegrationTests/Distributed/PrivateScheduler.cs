using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// A Scheduler with a RabbitMQ virtual host and a database of its own (on the shared PostgreSQL, or on another server
/// given by its connection string), so a spec can leave jobs queued, fake workers' events and restart it without
/// touching the run's Scheduler, queues or jobs.
/// </summary>
public sealed class PrivateScheduler : IAsyncDisposable
{
    private readonly DistributedFixture services;
    private readonly Dictionary<string, string> settings;
    private readonly string vhost;
    private readonly string adminConnection;
    private readonly string name;

    private PrivateScheduler(DistributedFixture services, string vhost, string adminConnection, string name, Dictionary<string, string> settings)
    {
        this.services = services;
        this.vhost = vhost;
        this.adminConnection = adminConnection;
        this.name = name;
        this.settings = settings;
        Database = NpgsqlDataSource.Create(settings["ConnectionStrings__Jobs"]);
        Broker = new Broker(settings["ConnectionStrings__RabbitMq"]);
    }

    public DotnetProcess Process { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public JobApi Jobs { get; private set; } = null!;
    public NpgsqlDataSource Database { get; }
    public Broker Broker { get; }
    public IReadOnlyDictionary<string, string> Settings => settings;

    /// <summary>Starts it, healthy when this returns. Server: an admin connection string of another PostgreSQL (default the run's).</summary>
    public static async Task<PrivateScheduler> StartAsync(DistributedFixture services, IReadOnlyDictionary<string, string>? overrides = null,
        string? server = null)
    {
        var name = "p" + Guid.NewGuid().ToString("N")[..12];
        await services.Servers.Broker.AddVirtualHostAsync(name);
        var admin = new NpgsqlConnectionStringBuilder(server ?? services.Environment["ConnectionStrings__Jobs"]) { Database = "postgres" };
        await using (var connection = NpgsqlDataSource.Create(admin.ConnectionString))
        await using (var create = connection.CreateCommand($"create database {name}"))
            await create.ExecuteNonQueryAsync();
        var database = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name };
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = services.Servers.Broker.UrlOf(name),
            ["ConnectionStrings__Jobs"] = database.ConnectionString,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>()) settings[key] = value;
        var scheduler = new PrivateScheduler(services, name, admin.ConnectionString, name, settings);
        await scheduler.StartProcessAsync();
        return scheduler;
    }

    /// <summary>Kills it (as a crash would), runs whileDown, and starts it again.</summary>
    public async Task RestartAsync(Func<Task>? whileDown = null)
    {
        Process.Kill();
        await Process.WaitAsync(TimeSpan.FromSeconds(30));
        if (whileDown is not null) await whileDown();
        await StartProcessAsync();
    }

    /// <summary>A worker on this Scheduler's virtual host.</summary>
    public DotnetProcess StartWorker() => services.StartWorker(settings);

    /// <summary>Puts a "retrain" schedule (one-epoch training, then statistics), triggers it, and returns its training job.</summary>
    public async Task<JobView> TriggerRetrainAsync()
    {
        var put = await Api.PutAsJsonAsync("/api/schedules/retrain", new
        {
            cron = "0 3 * * *",
            kind = nameof(TrainModel),
            parameters = services.TrainParameters(epochs: 1),
            then = new[] { nameof(ComputeLatentStatistics) },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await Api.PostAsync("/api/schedules/retrain/trigger", null)).StatusCode);
        return await WaitForScheduledAsync("retrain", 1);
    }

    /// <summary>Waits until the schedule has fired at least this many jobs; returns the first.</summary>
    public async Task<JobView> WaitForScheduledAsync(string schedule, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var jobs = (await Api.GetFromJsonAsync<List<JobView>>($"/api/jobs?schedule={schedule}", JobJson.Options))!;
            if (jobs.Count >= count) return jobs.OrderBy(j => j.CreatedAt).First();
            Assert.True(DateTime.UtcNow < deadline, $"schedule {schedule} has {jobs.Count} jobs, not {count}:\n{Process.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Publishes an event of a job nobody else knows and waits until the Scheduler has recorded it: the Scheduler takes
    /// its events one at a time, in order, so every event published before this call has been handled too.
    /// </summary>
    public async Task WaitForEarlierEventsAsync()
    {
        var probe = Guid.NewGuid();
        await Broker.PublishAsync(new JobFailed(probe, nameof(TrainModel), new BlobLocation("artifacts", $"probe/{probe}"), "probe"));
        await Jobs.WaitForAsync(probe, j => j.Status == JobStatus.Failed, TimeSpan.FromSeconds(30));
    }

    /// <summary>The copies of the job's command waiting in its kind's queue, as sent (nobody may consume it meanwhile).</summary>
    public async Task<List<JsonElement>> QueuedCommandsAsync(string kind, Guid jobId)
    {
        var commands = new List<JsonElement>();
        foreach (var message in await Broker.ReadAllAsync(Messaging.JobQueues.NameOf(kind)))
        {
            var command = JsonDocument.Parse(message.Body).RootElement.GetProperty("message");
            if (command.GetProperty("jobId").GetGuid() == jobId) commands.Add(command.Clone());
        }
        return commands;
    }

    /// <summary>Waits until the kind's queue holds this many copies of the job's command.</summary>
    public async Task WaitForQueuedCommandsAsync(string kind, Guid jobId, int copies, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await QueuedCommandsAsync(kind, jobId)).Count < copies)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{kind} {jobId} was not sent {copies} time(s) within {timeout}:\n{Process.Output}");
            await Task.Delay(200);
        }
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var (parameter, value) in parameters) command.Parameters.AddWithValue(parameter, value);
        return await command.ExecuteScalarAsync() is T value2 ? value2 : default;
    }

    private async Task StartProcessAsync()
    {
        Api?.Dispose();
        (Process, Api) = await services.StartOtherSchedulerAsync(settings);
        Jobs = new JobApi(Api, () => [Process]);
    }

    public async ValueTask DisposeAsync()
    {
        Process?.Dispose();
        Api?.Dispose();
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            await services.Servers.Broker.DeleteVirtualHostAsync(vhost);
            await using var admin = NpgsqlDataSource.Create(adminConnection);
            await using var drop = admin.CreateCommand($"drop database if exists {name} with (force)");
            await drop.ExecuteNonQueryAsync();
        }
        catch (Exception error) when (error is InvalidOperationException or NpgsqlException)
        {
            // Leftovers are harmless (a private server may be stopped already); each spec makes its own.
        }
    }
}
