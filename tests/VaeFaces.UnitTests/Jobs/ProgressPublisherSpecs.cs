using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using VaeFaces.Contracts;
using VaeFaces.Ml.Common;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.UnitTests.Jobs;

public class ProgressPublisherSpecs
{
    [Fact]
    public async Task A_job_that_reports_nothing_new_repeats_its_last_progress_every_heartbeat_until_it_ends()
    {
        var heard = new System.Collections.Concurrent.ConcurrentQueue<JobProgressed>();
        await using var provider = new ServiceCollection().AddMassTransitTestHarness(bus => bus.AddHandler<JobProgressed>(context =>
        {
            heard.Enqueue(context.Message);
            return Task.CompletedTask;
        })).BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var jobId = Guid.NewGuid();
        var publisher = new ProgressPublisher(harness.Bus, jobId, nameof(TrainModel), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));
        publisher.Report(new WorkProgress(0.25, null, "decoding", new Dictionary<string, double>()));

        List<JobProgressed> Published() => [.. heard.Where(m => m.JobId == jobId)];
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Published().Count < 4 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(Published().Count >= 4, $"{Published().Count} progress events in 10 s with a 100 ms heartbeat");
        Assert.All(Published(), beat => Assert.Equal((0.25, "decoding"), (beat.Fraction, beat.Stage)));

        publisher.Dispose();
        await Task.Delay(300);
        var count = Published().Count;
        await Task.Delay(500);
        Assert.Equal(count, Published().Count);
    }
}
