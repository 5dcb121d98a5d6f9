using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VaeFaces.Contracts;

namespace VaeFaces.IntegrationTests.Distributed;

[Collection(DistributedCollection.Name)]
public class ApiSecuritySpecs(DistributedFixture services)
{
    [Fact]
    public async Task Calls_without_the_api_key_get_401()
    {
        using var anonymous = new HttpClient { BaseAddress = services.SchedulerAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/jobs",
            new { kind = nameof(TrainModel), parameters = services.TrainParameters() })).StatusCode);
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "wrong-key-123");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/schedules")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await services.Api.GetAsync("/api/jobs")).StatusCode);
    }

    [Fact]
    public async Task The_hangfire_dashboard_needs_its_credentials()
    {
        using var client = new HttpClient { BaseAddress = services.SchedulerAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:dashboard-password")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task Invalid_job_parameters_get_400_naming_each_bad_field()
    {
        var response = await services.Api.PostAsJsonAsync("/api/jobs", new
        {
            kind = nameof(TrainModel),
            parameters = new { dataset = services.Dataset.ToString(), epochs = 0, imageSize = 100, optimizer = "sgd", learningRate = -1 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Equal(["parameters.Epochs", "parameters.ImageSize", "parameters.LearningRate", "parameters.Optimizer"], errors.Keys.Order());

        var unknown = await services.Api.PostAsJsonAsync("/api/jobs", new { kind = "TrainEverything", parameters = new { } });
        Assert.Equal(["kind"], (await ErrorsAsync(unknown)).Keys);
        var missing = await services.Api.PostAsJsonAsync("/api/jobs", new { kind = nameof(TrainModel), parameters = new { epochs = 2 } });
        Assert.Contains("dataset", string.Join(" ", (await ErrorsAsync(missing)).Values.SelectMany(v => v)));
        var typo = await services.Api.PostAsJsonAsync("/api/jobs", new { kind = nameof(TrainModel), parameters = new { dataset = "d/x", epochz = 2 } });
        Assert.Contains("epochz", string.Join(" ", (await ErrorsAsync(typo)).Values.SelectMany(v => v)));
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
