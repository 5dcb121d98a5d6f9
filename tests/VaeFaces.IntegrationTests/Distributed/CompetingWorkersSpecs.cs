using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.IntegrationTests.Distributed;

[Collection(DistributedCollection.Name)]
public class CompetingWorkersSpecs(DistributedFixture fixture) : JobSpecs(fixture)
{
    [Fact]
    public async Task Two_worker_processes_share_a_queue_of_jobs_one_job_each_at_a_time()
    {
        using var first = Services.StartWorker();
        using var second = Services.StartWorker();
        await first.WaitForOutputAsync("Bus started", TimeSpan.FromMinutes(1));
        await second.WaitForOutputAsync("Bus started", TimeSpan.FromMinutes(1));

        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++) ids.Add(await Services.SubmitAsync(nameof(TrainModel), Services.TrainParameters(epochs: 2)));
        var jobs = new List<JobView>();
        foreach (var id in ids) jobs.Add(await Services.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(6), first, second));

        Assert.All(jobs, j => Assert.Equal(JobStatus.Succeeded, j.Status));
        Assert.Equal(2, jobs.Select(j => j.Worker).Distinct().Count());
        // One job at a time per worker: in each worker's log every start is followed by its end before the next start.
        foreach (var worker in new[] { first, second })
        {
            var events = worker.Output.Split('\n')
                .Select(line => ids.FirstOrDefault(id => line.Contains($"TrainModel {id} started") || line.Contains($"TrainModel {id} succeeded")) is var id && id != Guid.Empty
                    ? (Id: id, Started: line.Contains(" started")) : default)
                .Where(e => e.Id != Guid.Empty).ToList();
            Assert.NotEmpty(events);
            for (var i = 0; i < events.Count; i++) Assert.Equal(i % 2 == 0, events[i].Started);
            for (var i = 1; i < events.Count; i += 2) Assert.Equal(events[i - 1].Id, events[i].Id);
        }
    }
}
