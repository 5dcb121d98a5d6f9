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
    public async Task A_malformed_body_without_the_key_gets_401_before_it_is_read()
    {
        using var anonymous = new HttpClient { BaseAddress = services.SchedulerAddress };
        var response = await anonymous.PostAsync("/api/jobs", new StringContent("{\"kind\": not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", DistributedFixture.ApiKey[..^1] + "x");
        var schedule = await anonymous.PutAsync("/api/schedules/nightly", new StringContent("[1, 2", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, schedule.StatusCode);
        // With the key the same body is read, and refused for what it is.
        Assert.Equal(HttpStatusCode.BadRequest,
            (await services.Api.PostAsync("/api/jobs", new StringContent("{\"kind\": not json", Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_without_the_key_401()
    {
        var oversized = JobWithPadding(2 * 1024 * 1024);
        var refused = await services.Api.PostExpectingContinueAsync("/api/jobs", oversized);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        using var anonymous = new HttpClient { BaseAddress = services.SchedulerAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostExpectingContinueAsync("/api/jobs", JobWithPadding(2 * 1024 * 1024))).StatusCode);
        // Under the limit a body is read: the padding is refused as an unknown parameter, by name.
        var small = await services.Api.PostAsync("/api/jobs", JobWithPadding(64 * 1024));
        Assert.Equal(HttpStatusCode.BadRequest, small.StatusCode);
        Assert.Contains("padding", await small.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Past_the_rate_limit_calls_get_429_with_retry_after()
    {
        var (scheduler, api) = await services.StartOtherSchedulerAsync(new Dictionary<string, string>
        {
            ["Scheduler__RateLimitPermits"] = "5",
            ["Scheduler__RateLimitWindow"] = "00:01:00",
            // No broker: its in-memory bus keeps this Scheduler away from the run's queues.
            ["ConnectionStrings__RabbitMq"] = "",
        });
        using (scheduler)
        using (api)
        {
            var responses = new List<HttpResponseMessage>();
            for (var i = 0; i < 8; i++) responses.Add(await api.GetAsync("/api/jobs"));
            Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.Equal(3, limited.Count);
            foreach (var response in limited)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta;
                Assert.True(retryAfter > TimeSpan.Zero && retryAfter <= TimeSpan.FromMinutes(1), $"Retry-After: {response.Headers.RetryAfter}");
                Assert.Contains("more than 5 calls in 00:01:00", await response.Content.ReadAsStringAsync());
            }
            // The probes are not API calls: a limited client does not make the Scheduler look down.
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/health")).StatusCode);
        }
        // The fixture's Scheduler, with the default limit, is not affected by the other's.
        Assert.Equal(HttpStatusCode.OK, (await services.Api.GetAsync("/api/jobs")).StatusCode);
    }

    [Fact]
    public async Task The_hangfire_dashboard_needs_its_credentials()
    {
        using var client = new HttpClient { BaseAddress = services.SchedulerAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/hangfire")).StatusCode);
        client.DefaultRequestHeaders.Authorization = DashboardCredentials();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task The_hangfire_dashboard_is_read_only()
    {
        var name = $"dashboard-{Guid.NewGuid():N}";
        var put = await services.Api.PutAsJsonAsync($"/api/schedules/{name}", new
        {
            cron = "0 3 1 1 *",
            kind = nameof(TrainModel),
            parameters = services.TrainParameters(),
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        try
        {
            using var client = new HttpClient { BaseAddress = services.SchedulerAddress };
            client.DefaultRequestHeaders.Authorization = DashboardCredentials();
            Assert.Contains(name, await client.GetStringAsync("/hangfire/recurring"));

            // What the dashboard's "Delete" and "Trigger now" buttons post, with valid credentials.
            foreach (var command in new[] { "/hangfire/recurring/remove", "/hangfire/recurring/trigger" })
            {
                var response = await client.PostAsync(command, new FormUrlEncodedContent([new("jobs[]", name)]));
                Assert.False(response.IsSuccessStatusCode, $"{command} answered {(int)response.StatusCode}");
            }
            Assert.Contains(name, await client.GetStringAsync("/hangfire/recurring"));
            var jobs = await services.Api.GetFromJsonAsync<List<JsonElement>>($"/api/jobs?schedule={name}");
            Assert.Empty(jobs!);
        }
        finally
        {
            await services.Api.DeleteAsync($"/api/schedules/{name}");
        }
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

    [Theory]
    [InlineData("Api__Key", "change-me-please-change-me-please-0123")]
    [InlineData("Dashboard__Password", "Qx7-short-but-random")]
    public async Task A_scheduler_with_a_weak_secret_refuses_to_start_with_one_line_naming_it(string setting, string value)
    {
        var environment = new Dictionary<string, string>(services.Environment)
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            [setting] = value,
        };
        using var scheduler = DotnetProcess.Program("Scheduler", environment);
        int exitCode;
        try
        {
            exitCode = await scheduler.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the Scheduler started with {setting}={value}:\n{scheduler.Output}");
            return;
        }
        Assert.NotEqual(0, exitCode);
        var output = scheduler.Output;
        Assert.Contains(setting.Replace("__", ":", StringComparison.Ordinal), output);
        Assert.DoesNotContain(value, output);
        Assert.DoesNotContain("   at ", output);
    }

    private static AuthenticationHeaderValue DashboardCredentials() => new("Basic",
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DistributedFixture.DashboardUsername}:{DistributedFixture.DashboardPassword}")));

    /// <summary>A job request whose parameters carry one unknown string field of about this many bytes.</summary>
    private StringContent JobWithPadding(int bytes) => new(
        JsonSerializer.Serialize(new { kind = nameof(TrainModel), parameters = new { dataset = services.Dataset.ToString(), padding = new string('x', bytes) } }),
        Encoding.UTF8, "application/json");

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
