using System.Net.Http.Json;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.IntegrationTests.Distributed;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;
using Xunit.Abstractions;

namespace VaeFaces.IntegrationTests.Drills;

[Collection(DistributedCollection.Name), Trait("Category", "Drill")]
public class DatabaseRestartDrill(DistributedFixture fixture, ITestOutputHelper output) : JobSpecs(fixture)
{
    private const int SampleJobs = 30;

    [Fact]
    public async Task PostgreSql_down_for_a_minute_mid_run_loses_no_event_and_chained_jobs_still_run()
    {
        using var first = Services.StartWorker();
        using var second = Services.StartWorker();
        var model = await Services.TrainTinyModelAsync(first, second);

        // A retrain chained to statistics and vectors, as the nightly schedule runs it, and sample jobs beside it.
        var name = $"drill-db-{Guid.NewGuid():N}";
        var put = await Services.Api.PutAsJsonAsync($"/api/schedules/{name}", new
        {
            cron = "0 3 * * *",
            kind = nameof(TrainModel),
            parameters = Services.TrainParameters(epochs: 4),
            then = new[] { nameof(ComputeLatentStatistics), nameof(ExtractAttributeVectors) },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        (await Services.Api.PostAsync($"/api/schedules/{name}/trigger", null)).EnsureSuccessStatusCode();
        var samples = await Services.SubmitManyAsync(nameof(GenerateSamples), Enumerable.Range(0, SampleJobs).Select(i => model.Samples(seed: i, count: 256)));
        var train = await WaitForChainAsync(name, jobs => jobs.Any(j => j.Kind == nameof(TrainModel) && j.Status == JobStatus.Running && j.Progress > 0.1),
            TimeSpan.FromMinutes(3));
        var atOutage = (await Task.WhenAll(samples.Select(Services.GetAsync))).Concat(train).Counts();

        var outage = await ServiceOutage.RestartAsync(Services.Servers.Database, TimeSpan.FromSeconds(60));

        var sampled = await Services.WaitUntilAllFinishedAsync(samples, TimeSpan.FromMinutes(10), first, second);
        var chain = await WaitForChainAsync(name, jobs => jobs.Count == 3 && jobs.All(j => j.Status.IsFinal()), TimeSpan.FromMinutes(10));
        var all = sampled.Concat(chain).ToList();
        // Every job's state in PostgreSQL is what its worker wrote in its manifest.
        var mismatched = new List<string>();
        foreach (var job in all)
        {
            var manifest = await Services.Blobs.ReadJsonAsync<JobManifest>(BlobLocation.Parse(job.Output).Child(JobManifest.FileName));
            if (manifest?.Status != job.Status || manifest.JobId != job.Id) mismatched.Add($"{job.Kind} {job.Id}: row {job.Status}, manifest {manifest?.Status}");
        }
        var succeeded = all.Count(j => j.Status == JobStatus.Succeeded);
        DrillReport.Write(output, "database-restart", "PostgreSQL down 60 s mid-run: no event lost, every state correct, chained jobs run",
            succeeded == all.Count && mismatched.Count == 0,
            $"at the outage: {atOutage}; database unreachable {outage.TotalSeconds:F0} s; afterwards: {all.Counts()} " +
            $"(chain of {chain.Length}: {string.Join(" > ", chain.OrderBy(j => j.CreatedAt).Select(j => j.Kind))}); row vs manifest mismatches: {mismatched.Count}");
        Assert.Empty(mismatched);
        Assert.Equal(all.Count, succeeded);
    }

    private async Task<JobView[]> WaitForChainAsync(string schedule, Func<List<JobView>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var jobs = (await Services.Api.GetFromJsonAsync<List<JobView>>($"/api/jobs?schedule={schedule}", JobJson.Options))!;
            if (condition(jobs)) return [.. jobs];
            Assert.True(DateTime.UtcNow < deadline, $"schedule {schedule}'s jobs did not get there: {jobs.Counts()}");
            await Task.Delay(500);
        }
    }
}
