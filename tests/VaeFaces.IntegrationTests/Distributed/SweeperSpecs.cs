using System.Diagnostics;
using VaeFaces.Contracts;
using VaeFaces.Messaging;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// A job Running without any event for longer than the staleness (its worker died and its message was lost) has its
/// command sent again, up to a limit, then ends Failed with the reason.
/// </summary>
[Collection(DistributedCollection.Name)]
public class SweeperSpecs(DistributedFixture services)
{
    private static readonly Dictionary<string, string> QuickSweeps = new()
    {
        ["Scheduler__StaleAfter"] = "00:00:03",
        ["Scheduler__SweepInterval"] = "00:00:01",
        ["Scheduler__MaxResends"] = "2",
    };

    [Fact]
    public async Task A_running_job_whose_worker_and_message_were_lost_is_sent_again_and_then_succeeds()
    {
        // Re-sends enough to outlast the worker's start here (a re-send before its consumer is up waits in the queue).
        await using var scheduler = await PrivateScheduler.StartAsync(services, new Dictionary<string, string>(QuickSweeps) { ["Scheduler__MaxResends"] = "30" });
        var id = await LoseRunningJobAsync(scheduler);
        var silent = Stopwatch.StartNew();

        await scheduler.WaitForQueuedCommandsAsync(nameof(TrainModel), id, 1, TimeSpan.FromSeconds(30));
        Console.WriteLine($"sweeper: command re-sent {silent.Elapsed.TotalSeconds:F1} s after the job's last event (staleness 3 s, sweep every 1 s)");
        Assert.Equal(JobStatus.Running, (await scheduler.Jobs.FindAsync(id))!.Status);

        using var worker = scheduler.StartWorker();
        var job = await scheduler.Jobs.WaitForAsync(id, j => j.Status.IsFinal(), TimeSpan.FromMinutes(3), worker);
        Assert.True(job.Status == JobStatus.Succeeded, job.Error + "\n" + worker.Output);
    }

    [Fact]
    public async Task A_running_job_that_stays_silent_after_its_resends_ends_failed_with_the_reason()
    {
        await using var scheduler = await PrivateScheduler.StartAsync(services, QuickSweeps);
        var id = await LoseRunningJobAsync(scheduler);
        var silent = Stopwatch.StartNew();

        var job = await scheduler.Jobs.WaitForAsync(id, j => j.Status.IsFinal(), TimeSpan.FromSeconds(60));
        Console.WriteLine($"sweeper: silent job failed {silent.Elapsed.TotalSeconds:F1} s after its last event (2 re-sends, staleness 3 s)");
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("no event from its worker", job.Error);
        Assert.Equal(2, (await scheduler.QueuedCommandsAsync(nameof(TrainModel), id)).Count);
    }

    /// <summary>A job whose worker took it, said it started, and died; and whose message the broker then lost.</summary>
    private async Task<Guid> LoseRunningJobAsync(PrivateScheduler scheduler)
    {
        var id = await scheduler.Jobs.SubmitAsync(nameof(TrainModel), services.TrainParameters(epochs: 1));
        await scheduler.WaitForQueuedCommandsAsync(nameof(TrainModel), id, 1, TimeSpan.FromSeconds(30));
        await scheduler.Broker.PurgeAsync(JobQueues.NameOf(nameof(TrainModel)));
        await scheduler.Broker.PublishAsync(new JobStarted(id, nameof(TrainModel), "lost-host/1", DateTimeOffset.UtcNow, false));
        await scheduler.Jobs.WaitForAsync(id, j => j.Status == JobStatus.Running, TimeSpan.FromSeconds(30));
        return id;
    }
}
