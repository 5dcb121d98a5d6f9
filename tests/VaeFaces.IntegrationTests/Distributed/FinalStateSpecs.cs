using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>A job's final state is its last: late or repeated events neither move it nor chain its next step twice.</summary>
[Collection(DistributedCollection.Name)]
public class FinalStateSpecs(DistributedFixture services)
{
    [Fact]
    public async Task A_late_JobSucceeded_leaves_a_cancelled_job_cancelled_and_is_acknowledged_not_faulted()
    {
        await using var scheduler = await PrivateScheduler.StartAsync(services);
        var id = await scheduler.Jobs.SubmitAsync(nameof(TrainModel), services.TrainParameters());
        Assert.Equal(HttpStatusCode.Accepted, (await scheduler.Api.DeleteAsync($"/api/jobs/{id}")).StatusCode);
        var output = BlobLocation.Parse((await scheduler.Jobs.FindAsync(id))!.Output);

        // A worker that took the message before the cancel, and finished before it heard of it.
        await scheduler.Broker.PublishAsync(new JobSucceeded(id, nameof(TrainModel), output, ["model.bin"],
            new Dictionary<string, double> { ["loss"] = 0.5 }, TimeSpan.FromSeconds(3)));
        await scheduler.Broker.PublishAsync(new JobFailed(id, nameof(TrainModel), output, "a late failure"));
        await scheduler.WaitForEarlierEventsAsync();

        var job = (await scheduler.Jobs.FindAsync(id))!;
        Assert.Equal((JobStatus.Cancelled, "cancelled before it started"), (job.Status, job.Error));
        Assert.Empty(job.Artifacts);
        Assert.Single(Regex.Matches(scheduler.Process.Output, $"late JobSucceeded for TrainModel {id}"));
        Assert.Single(Regex.Matches(scheduler.Process.Output, $"late JobFailed for TrainModel {id}"));
        Assert.DoesNotContain((await scheduler.Broker.ReadAllAsync("job-events_error")),
            m => System.Text.Encoding.UTF8.GetString(m.Body.Span).Contains(id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_JobSucceeded_delivered_twice_chains_the_next_step_once()
    {
        await using var scheduler = await PrivateScheduler.StartAsync(services);
        var train = await scheduler.TriggerRetrainAsync();

        var succeeded = new JobSucceeded(train.Id, nameof(TrainModel), BlobLocation.Parse(train.Output), ["model.bin"],
            new Dictionary<string, double>(), TimeSpan.FromSeconds(5));
        await scheduler.Broker.PublishAsync(succeeded);
        await scheduler.Broker.PublishAsync(succeeded);
        await scheduler.WaitForEarlierEventsAsync();

        var jobs = await scheduler.WaitForScheduledAsync("retrain", 2);
        var chained = (await scheduler.Api.GetFromJsonAsync<List<JobView>>("/api/jobs?schedule=retrain", JobJson.Options))!
            .Single(j => j.Kind == nameof(ComputeLatentStatistics));
        Assert.Equal(train.Id, chained.ParentId);
        // The Scheduler sends commands in the order it recorded them: once a job submitted after the chain is in the
        // queue, every copy of the chained job's command that was ever going to be sent is there too.
        var marker = await scheduler.Jobs.SubmitAsync(nameof(ComputeLatentStatistics), new { model = train.Output, dataset = services.Dataset.ToString() });
        await scheduler.WaitForQueuedCommandsAsync(nameof(ComputeLatentStatistics), marker, 1, TimeSpan.FromSeconds(30));
        Assert.Single(await scheduler.QueuedCommandsAsync(nameof(ComputeLatentStatistics), chained.Id));
        Assert.Equal(JobStatus.Succeeded, (await scheduler.Jobs.FindAsync(train.Id))!.Status);
    }
}
