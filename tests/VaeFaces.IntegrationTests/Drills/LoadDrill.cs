using System.Diagnostics;
using VaeFaces.Contracts;
using VaeFaces.IntegrationTests.Distributed;
using Xunit.Abstractions;

namespace VaeFaces.IntegrationTests.Drills;

[Collection(DistributedCollection.Name), Trait("Category", "Drill")]
public class LoadDrill(DistributedFixture fixture, ITestOutputHelper output) : JobSpecs(fixture)
{
    private const int Jobs = 1000;

    [Fact]
    public async Task A_thousand_jobs_submitted_concurrently_all_succeed_each_started_exactly_once()
    {
        var settings = new Dictionary<string, string> { ["Worker__ConcurrentJobs"] = "4" };
        using var first = Services.StartWorker(settings);
        using var second = Services.StartWorker(settings);
        var model = await Services.TrainTinyModelAsync(first, second);
        await using var started = await EventTally<JobStarted>.StartAsync(Services.Environment["ConnectionStrings__RabbitMq"], e => e.JobId);

        var clock = Stopwatch.StartNew();
        var ids = await Services.SubmitManyAsync(nameof(GenerateSamples), Enumerable.Range(0, Jobs).Select(i => model.Samples(seed: i)));
        var submitted = clock.Elapsed;
        var jobs = await Services.WaitUntilAllFinishedAsync(ids, TimeSpan.FromMinutes(20), first, second);
        var elapsed = clock.Elapsed;

        var succeeded = jobs.Count(j => j.Status == JobStatus.Succeeded);
        var startedOnce = ids.Count(id => started[id] == 1);
        DrillReport.Write(output, "load", $"{Jobs} jobs submitted concurrently: all Succeeded, each started exactly once",
            succeeded == Jobs && startedOnce == Jobs,
            $"{jobs.Counts()}; started exactly once: {startedOnce}, more than once: {ids.Count(id => started[id] > 1)}, never: " +
            $"{ids.Count(id => started[id] == 0)}; all submitted in {submitted.TotalSeconds:F1} s, all final after {elapsed.TotalSeconds:F0} s " +
            $"({Jobs / elapsed.TotalSeconds:F1} jobs/s, 2 workers x 4)");
        Assert.Equal(Jobs, succeeded);
        Assert.Equal(Jobs, startedOnce);
    }
}
