using System.Diagnostics;
using System.Text;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Messaging;
using Xunit.Abstractions;

namespace VaeFaces.IntegrationTests.Distributed;

[Collection(DistributedCollection.Name)]
public class WorkerStopSpecs(DistributedFixture fixture, ITestOutputHelper output) : JobSpecs(fixture)
{
    [Fact]
    public async Task A_worker_sent_SIGTERM_during_training_exits_cleanly_and_hands_the_job_back_to_another_that_resumes_it()
    {
        using var first = Services.StartWorker();
        var running = await Services.TrainingUnderwayAsync(first, epochs: 20, pastFraction: 0.15);
        var id = running.Id;
        Assert.False(running.Resumed);
        using var second = Services.StartWorker();
        await second.WaitForOutputAsync("Bus started", TimeSpan.FromMinutes(1));

        await first.TerminateAsync();
        var clock = Stopwatch.StartNew();
        var exitCode = await ExitCodeAsync(first, TimeSpan.FromSeconds(15));
        Assert.True(exitCode == 0, $"exit code {exitCode} after {clock.Elapsed}:\n{first.Output}");
        output.WriteLine($"the first worker exited {clock.Elapsed.TotalSeconds:F1} s after SIGTERM");
        Assert.Contains($"TrainModel {id} interrupted", first.Output);
        Assert.Contains($"TrainModel {id}: the worker is stopping; handing its message back", first.Output);

        var done = await Services.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(5), second);
        Assert.True(done.Status == JobStatus.Succeeded, done.Error + "\n" + second.Output);
        Assert.EndsWith($"/{second.Id}", done.Worker);
        Assert.Contains("Resuming training from checkpoint", second.Output);
        Assert.Equal(1, done.Metrics["resumed"]);
        Assert.True(done.Resumed, "JobStarted of the second worker did not say resumed");

        // Handed back, not faulted: no copy of this job's command is in the error queue (other specs' faults may be).
        await using var broker = new Broker(Services.Environment["ConnectionStrings__RabbitMq"]);
        var faults = (await broker.ReadAllAsync(JobQueues.NameOf(nameof(TrainModel)) + "_error"))
            .Where(m => Encoding.UTF8.GetString(m.Body.Span).Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Empty(faults);
    }

    [Fact]
    public async Task An_interrupted_job_is_queued_again_until_the_next_worker_starts_it()
    {
        await using var broker = new Broker(Services.Environment["ConnectionStrings__RabbitMq"]);
        var id = Guid.NewGuid();
        var kind = nameof(TrainModel);
        await broker.PublishAsync(new JobStarted(id, kind, "host-a/1", DateTimeOffset.UtcNow, false));
        await Services.WaitForAsync(id, j => j.Status == JobStatus.Running, TimeSpan.FromSeconds(30));

        await broker.PublishAsync(new JobInterrupted(id, kind, "host-a/1", "the worker stopped"));
        var queued = await Services.WaitForAsync(id, j => j.Status == JobStatus.Queued, TimeSpan.FromSeconds(30));
        Assert.Equal("interrupted (the worker stopped); waiting for a worker", queued.Stage);

        await broker.PublishAsync(new JobStarted(id, kind, "host-b/2", DateTimeOffset.UtcNow, true));
        var resumed = await Services.WaitForAsync(id, j => j.Status == JobStatus.Running && j.Worker == "host-b/2", TimeSpan.FromSeconds(30));
        Assert.True(resumed.Resumed);

        // A late interruption from the first worker does not reopen the job the second one runs; the Scheduler takes
        // events in order, so once the progress after it shows, it has been handled.
        await broker.PublishAsync(new JobInterrupted(id, kind, "host-a/1", "late"));
        await broker.PublishAsync(new JobProgressed(id, kind, 0.5, null, "training", new Dictionary<string, double>()));
        var later = await Services.WaitForAsync(id, j => j.Progress == 0.5, TimeSpan.FromSeconds(30));
        Assert.Equal(JobStatus.Running, later.Status);
        Assert.Equal("training", later.Stage);

        await broker.PublishAsync(new JobCancelled(id, kind, new BlobLocation("artifacts", $"events/{id}")));
        await Services.WaitUntilFinishedAsync(id, TimeSpan.FromSeconds(30));
    }


    private static async Task<int> ExitCodeAsync(DotnetProcess process, TimeSpan timeout)
    {
        try
        {
            return await process.WaitAsync(timeout);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the worker did not exit within {timeout} of SIGTERM:\n{process.Output}");
            throw;
        }
    }
}
