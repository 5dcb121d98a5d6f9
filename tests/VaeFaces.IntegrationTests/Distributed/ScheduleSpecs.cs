using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.IntegrationTests.Distributed;

[Collection(DistributedCollection.Name)]
public class ScheduleSpecs(DistributedFixture fixture) : JobSpecs(fixture)
{
    [Fact]
    public async Task A_triggered_retrain_schedule_trains_then_chains_statistics_and_vectors_on_the_new_model()
    {
        using var worker = Services.StartWorker();
        // Named for this run of the spec: schedules and their jobs live in the fixture's database for the whole collection.
        var name = $"retrain-{Guid.NewGuid():N}";
        var put = await Services.Api.PutAsJsonAsync($"/api/schedules/{name}", new
        {
            cron = "0 3 * * *",
            kind = nameof(TrainModel),
            parameters = Services.TrainParameters(epochs: 3),
            then = new[] { nameof(ComputeLatentStatistics), nameof(ExtractAttributeVectors) },
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var schedule = (await put.Content.ReadFromJsonAsync<ScheduleView>())!;
        Assert.Equal(3, schedule.NextFireAt!.Value.UtcDateTime.Hour);

        Assert.Equal(HttpStatusCode.Accepted, (await Services.Api.PostAsync($"/api/schedules/{name}/trigger", null)).StatusCode);

        var deadline = DateTime.UtcNow.AddMinutes(6);
        List<JobView> jobs;
        do
        {
            Assert.True(DateTime.UtcNow < deadline, "the chain did not finish:\n" + worker.Output);
            await Task.Delay(500);
            jobs = (await Services.Api.GetFromJsonAsync<List<JobView>>($"/api/jobs?schedule={name}", JobJson.Options))!;
        } while (jobs.Count < 3 || jobs.Any(j => !j.Status.IsFinal()));

        Assert.All(jobs, j => Assert.True(j.Status == JobStatus.Succeeded, $"{j.Kind}: {j.Error}\n{worker.Output}"));
        var train = jobs.Single(j => j.Kind == nameof(TrainModel));
        var statistics = jobs.Single(j => j.Kind == nameof(ComputeLatentStatistics));
        var vectors = jobs.Single(j => j.Kind == nameof(ExtractAttributeVectors));
        // Lineage in the job state: model, then statistics, then vectors, all on the new model.
        Assert.Null(train.ParentId);
        Assert.Equal(train.Id, statistics.ParentId);
        Assert.Equal(statistics.Id, vectors.ParentId);
        Assert.Equal(train.Output, statistics.Parameters.GetProperty("model").GetString());
        Assert.Equal(train.Output, vectors.Parameters.GetProperty("model").GetString());
        // ... and in the manifests the workers wrote.
        var manifest = await Services.Blobs.ReadJsonAsync<JobManifest>(BlobLocation.Parse(vectors.Output).Child(JobManifest.FileName));
        Assert.Equal(train.Id, manifest!.Inputs.Single(i => i.Name == "model").JobId);

        var fired = (await Services.Api.GetFromJsonAsync<ScheduleView>($"/api/schedules/{name}"))!;
        Assert.Equal(train.Id, fired.LastJobId);
        Assert.Equal(HttpStatusCode.NoContent, (await Services.Api.DeleteAsync($"/api/schedules/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Services.Api.GetAsync($"/api/schedules/{name}")).StatusCode);
    }

    [Fact]
    public async Task A_schedule_with_a_bad_cron_or_template_gets_400()
    {
        var response = await Services.Api.PutAsJsonAsync("/api/schedules/nightly", new
        {
            cron = "every night",
            kind = nameof(TrainModel),
            parameters = new { dataset = Services.Dataset.ToString(), epochs = -1 },
            then = new[] { nameof(GenerateSamples) },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["cron", "parameters.Epochs", "then"], fields);
    }
}
