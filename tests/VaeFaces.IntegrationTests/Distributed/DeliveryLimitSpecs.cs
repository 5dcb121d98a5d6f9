using System.Text;
using VaeFaces.Contracts;
using VaeFaces.Messaging;
using VaeFaces.Ml.Synthetic;
using VaeFaces.Storage;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// A job that kills its worker each time (here: a real worker process killed with SIGKILL while it trains, before any
/// checkpoint moves on) must not crash every worker in turn: after Worker:MaxWorkerDeaths deaths in a row without
/// progress it ends Failed with that reason and its message sits in the error queue.
/// </summary>
[Collection(DistributedCollection.Name)]
public class DeliveryLimitSpecs(DistributedFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : JobSpecs(fixture)
{
    /// <summary>WorkerOptions.MaxWorkerDeaths' default.</summary>
    private const int Limit = 3;

    [Fact]
    public async Task A_job_whose_worker_dies_three_times_without_progress_ends_failed_with_the_reason_in_the_error_queue()
    {
        // Epochs long enough that no checkpoint moves on before each kill: ~1,800 training images at 112 px, and no
        // step checkpoints.
        var faces = Path.Combine(Services.Work, "many-faces");
        SyntheticFaceGenerator.Generate(faces, new SyntheticFaceOptions(2000, Seed: 9, ValidationFraction: 0.05, TestFraction: 0.05));
        var dataset = new BlobLocation(Services.Dataset.Container, "many-faces");
        await Services.Blobs.UploadFolderAsync(faces, dataset, null, CancellationToken.None);
        var id = await Services.SubmitAsync(nameof(TrainModel), new
        {
            dataset = dataset.ToString(), imageSize = 112, epochs = 20, batchSize = 32, earlyStoppingPatience = 0, checkpointEverySteps = 100000,
        });
        // One decoded cache for all the workers, so each attempt reaches training quickly.
        var cache = new Dictionary<string, string> { ["Worker__CacheDirectory"] = Path.Combine(Services.Work, "delivery-limit-cache") };

        var kills = new List<DateTime>();
        Contracts.Api.JobView job;
        DotnetProcess worker;
        while (true)
        {
            worker = Services.StartWorker(cache);
            job = await Services.WaitForAsync(id, j => j.Status.IsFinal()
                || (j.Status == JobStatus.Running && j.Worker?.EndsWith($"/{worker.Id}", StringComparison.Ordinal) == true),
                TimeSpan.FromMinutes(3), worker);
            if (job.Status.IsFinal() || kills.Count > Limit + 2) break;
            // Killed in training: its first checkpoint (written when training starts) is there.
            var checkpoint = BlobLocation.Parse(job.Output).Child($"checkpoints/{id}.ckpt");
            while (!await Services.Blobs.ExistsAsync(checkpoint))
            {
                Assert.False(worker.HasExited, worker.Output);
                await Task.Delay(100);
            }
            worker.Kill();
            kills.Add(DateTime.UtcNow);
            worker.Dispose();
        }

        using (worker)
        {
            var manifest = await WaitForFinalManifestAsync(BlobLocation.Parse(job.Output), TimeSpan.FromSeconds(30), worker);
            Assert.True(job.Status == JobStatus.Failed, $"after {kills.Count} kills the job is {job.Status}; its manifest says {manifest.Status}: {manifest.Error}");
            Assert.True(kills.Count == Limit, $"{kills.Count} kills; its manifest says {manifest.Status}\nthe last worker:\n{worker.Output}");
            Assert.StartsWith($"the job's worker died {Limit} times while running it", job.Error);
            Assert.Equal(JobStatus.Failed, manifest.Status);
            // The last worker faults the message after reporting the failure: it moves to the error queue.
            await using var broker = new Broker(Services.Environment["ConnectionStrings__RabbitMq"]);
            var errorQueue = JobQueues.NameOf(nameof(TrainModel)) + "_error";
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(await broker.ReadAllAsync(errorQueue)).Any(m => Encoding.UTF8.GetString(m.Body.Span).Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                Assert.True(DateTime.UtcNow < deadline, $"no copy of job {id} in {errorQueue}:\n{worker.Output}");
                await Task.Delay(250);
            }
            Assert.Equal(0u, await broker.CountAsync(JobQueues.NameOf(nameof(TrainModel))));
            output.WriteLine($"{kills.Count} kills, {(kills[^1] - kills[0]).TotalSeconds:F0} s from the first to the last; Failed " +
                $"{(job.FinishedAt!.Value.UtcDateTime - kills[^1]).TotalSeconds:F0} s after the last; in the error queue {(DateTime.UtcNow - kills[^1]).TotalSeconds:F0} s after it");
        }
    }
}
