using System.Collections.Concurrent;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.IntegrationTests.Distributed;

namespace VaeFaces.IntegrationTests.Drills;

/// <summary>The jobs the drills run: a tiny trained model and its statistics, then many small sample jobs on it.</summary>
public static class DrillJobs
{
    public sealed record TrainedModel(string Model, string Statistics);

    public static async Task<TrainedModel> TrainTinyModelAsync(this DistributedFixture services, params DotnetProcess[] workers)
    {
        var train = await services.SubmitAsync(nameof(TrainModel), services.TrainParameters(epochs: 1));
        var trained = await services.WaitUntilFinishedAsync(train, TimeSpan.FromMinutes(5), workers);
        Assert.True(trained.Status == JobStatus.Succeeded, trained.Error);
        var statistics = await services.SubmitAsync(nameof(ComputeLatentStatistics),
            new { model = trained.Output, dataset = services.Dataset.ToString() });
        var computed = await services.WaitUntilFinishedAsync(statistics, TimeSpan.FromMinutes(5), workers);
        Assert.True(computed.Status == JobStatus.Succeeded, computed.Error);
        return new TrainedModel(trained.Output, computed.Output);
    }

    public static object Samples(this TrainedModel model, int seed, int count = 4) =>
        new { model = model.Model, statistics = model.Statistics, count, seed };

    /// <summary>Submits all at once, as many clients would.</summary>
    public static async Task<Guid[]> SubmitManyAsync(this DistributedFixture services, string kind, IEnumerable<object> parameters) =>
        await Task.WhenAll(parameters.Select(p => services.SubmitAsync(kind, p)));

    /// <summary>Polls the jobs not yet final until all are; the final views, in the order of the ids.</summary>
    public static async Task<JobView[]> WaitUntilAllFinishedAsync(this DistributedFixture services, IReadOnlyList<Guid> ids, TimeSpan timeout,
        params DotnetProcess[] watch)
    {
        var finished = new ConcurrentDictionary<Guid, JobView>();
        var deadline = DateTime.UtcNow + timeout;
        while (finished.Count < ids.Count)
        {
            await Parallel.ForEachAsync(ids.Where(id => !finished.ContainsKey(id)), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (id, _) =>
                {
                    if (await services.FindAsync(id) is { } job && job.Status.IsFinal()) finished[id] = job;
                });
            if (finished.Count == ids.Count) break;
            if (watch.FirstOrDefault(p => p.HasExited) is { } exited) Assert.Fail($"a process exited:\n{exited.Output}");
            if (DateTime.UtcNow > deadline) Assert.Fail($"{ids.Count - finished.Count} of {ids.Count} jobs did not finish within {timeout}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        return [.. ids.Select(id => finished[id])];
    }

    public static string Counts(this IEnumerable<JobView> jobs) =>
        string.Join(", ", jobs.GroupBy(j => j.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
}
