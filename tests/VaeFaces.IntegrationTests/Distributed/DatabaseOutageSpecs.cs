using System.Diagnostics;
using System.Net.Http.Json;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.IntegrationTests.Distributed.Services;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// A worker's final event that arrives while PostgreSQL is down waits for it and is recorded when it is back, chained
/// step and all. The outage is of a PostgreSQL server of the spec's own: the shared one is never stopped.
/// </summary>
[Collection(DistributedCollection.Name)]
public class DatabaseOutageSpecs(DistributedFixture services)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task A_JobSucceeded_that_arrives_while_the_database_is_down_is_recorded_and_chains_once_it_is_back()
    {
        await using var postgres = await TestServices.StartDatabaseAsync($"{services.RunId}-outage");
        await using var scheduler = await PrivateScheduler.StartAsync(services, null, postgres.ConnectionString);
        var train = await scheduler.TriggerRetrainAsync();

        await postgres.StopAsync();
        await scheduler.Broker.PublishAsync(new JobSucceeded(train.Id, nameof(TrainModel), BlobLocation.Parse(train.Output), ["model.bin"],
            new Dictionary<string, double>(), TimeSpan.FromSeconds(5)));
        // The fault itself lasts this long; nothing is awaited by sleeping.
        await Task.Delay(Outage);
        await postgres.StartAsync();
        var back = Stopwatch.StartNew();

        var done = await scheduler.Jobs.WaitForAsync(train.Id, j => j.Status.IsFinal(), TimeSpan.FromMinutes(2));
        Console.WriteLine($"database outage: {Outage.TotalSeconds:F0} s down; JobSucceeded recorded {back.Elapsed.TotalSeconds:F1} s after it was back");
        Assert.Equal(JobStatus.Succeeded, done.Status);
        var chained = (await scheduler.Api.GetFromJsonAsync<List<JobView>>("/api/jobs?schedule=retrain", JobJson.Options))!
            .Single(j => j.Kind == nameof(ComputeLatentStatistics));
        Assert.Equal(train.Id, chained.ParentId);
        await scheduler.WaitForQueuedCommandsAsync(nameof(ComputeLatentStatistics), chained.Id, 1, TimeSpan.FromSeconds(60));
        Assert.Empty(await scheduler.Broker.ReadAllAsync("job-events_error"));
        Assert.False(scheduler.Process.HasExited, scheduler.Process.Output);
    }
}
