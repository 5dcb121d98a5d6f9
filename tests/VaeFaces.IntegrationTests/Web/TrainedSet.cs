using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.IntegrationTests.Distributed;

namespace VaeFaces.IntegrationTests.Web;

/// <summary>
/// A trained model with its statistics and attribute vectors, made once per run through the job API by a worker that
/// stops when they are done (a worker left running would take other specs' jobs).
/// </summary>
public static class TrainedSet
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (DistributedFixture Fixture, Jobs Jobs)? made;

    public sealed record Jobs(JobView Training, JobView Statistics, JobView Vectors)
    {
        public string ExplorerQuery => $"model={Uri.EscapeDataString(Training.Output)}&vectors={Uri.EscapeDataString(Vectors.Output)}"
            + $"&statistics={Uri.EscapeDataString(Statistics.Output)}&dataset={Uri.EscapeDataString(Vectors.Parameters.GetProperty("dataset").GetString()!)}";
    }

    public static async Task<Jobs> GetAsync(DistributedFixture fixture)
    {
        await Gate.WaitAsync();
        try
        {
            if (made is { } existing && existing.Fixture == fixture) return existing.Jobs;
            using var worker = fixture.StartWorker();
            var training = await RunAsync(fixture, worker, nameof(TrainModel), fixture.TrainParameters(epochs: 8));
            var statistics = await RunAsync(fixture, worker, nameof(ComputeLatentStatistics),
                new { model = training.Output, dataset = fixture.Dataset.ToString() });
            var vectors = await RunAsync(fixture, worker, nameof(ExtractAttributeVectors),
                new { model = training.Output, dataset = fixture.Dataset.ToString(), minCount = 5 });
            var jobs = new Jobs(training, statistics, vectors);
            made = (fixture, jobs);
            return jobs;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<JobView> RunAsync(DistributedFixture fixture, DotnetProcess worker, string kind, object parameters)
    {
        var id = await fixture.SubmitAsync(kind, parameters);
        var done = await fixture.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(4), worker);
        Assert.True(done.Status == JobStatus.Succeeded, $"{kind}: {done.Error}\n{worker.Output}");
        return done;
    }
}
