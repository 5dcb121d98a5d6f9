using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Messaging;

namespace VaeFaces.IntegrationTests.Distributed;

[Collection(DistributedCollection.Name)]
public class WorkerFailoverSpecs(DistributedFixture fixture) : JobSpecs(fixture)
{
    [Fact]
    public async Task A_worker_killed_during_training_hands_the_job_to_another_that_resumes_it_from_the_checkpoint()
    {
        using var first = Services.StartWorker();
        var id = (await Services.TrainingUnderwayAsync(first, epochs: 10, pastFraction: 0.25)).Id;
        using var second = Services.StartWorker();
        await using (var broker = new Broker(Services.Environment["ConnectionStrings__RabbitMq"]))
            await broker.WaitForConsumersAsync(JobQueues.NameOf(nameof(TrainModel)), 2, TimeSpan.FromMinutes(1));
        first.Kill();

        var done = await Services.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(5), second);
        Assert.True(done.Status == JobStatus.Succeeded, done.Error + "\n" + second.Output);
        Assert.EndsWith($"/{second.Id}", done.Worker);
        Assert.True(done.Resumed, "the second worker started the job afresh");
        Assert.Equal(1, done.Metrics["resumed"]);

        // One set of artifacts: every blob under the output is a listed artifact, a checkpoint or the job lock.
        Assert.Equal(done.Artifacts.Count, done.Artifacts.Distinct().Count());
        var output = BlobLocation.Parse(done.Output);
        var blobs = new List<string>();
        await foreach (var name in Services.Blobs.ListAsync(output)) blobs.Add(name);
        var extra = blobs.Where(b => !done.Artifacts.Contains($"{done.Output}/{b}") && !b.StartsWith("checkpoints/", StringComparison.Ordinal) && b != "job.lock");
        Assert.Empty(extra);
    }
}
