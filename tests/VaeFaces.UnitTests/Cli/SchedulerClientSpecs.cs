using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using VaeFaces.Cli.Api;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.UnitTests.Cli;

public class SchedulerClientSpecs
{
    private const string Url = "http://scheduler.test:5080";
    private static readonly Guid Id = Guid.Parse("6f1c2d3e-0000-4000-8000-000000000001");

    private static SchedulerClient Client(FakeHandler handler, string? apiKey = "secret") => SchedulerClient.Create(Url, apiKey, handler);

    private static SubmitJobRequest Submit() =>
        new("TrainModel", JsonSerializer.SerializeToElement(JobParameters.Build(null, ["dataset=datasets/faces", "epochs=0"])));

    [Fact]
    public async Task A_400_names_each_bad_field_and_its_problem()
    {
        var handler = FakeHandler.Answering(HttpStatusCode.BadRequest, """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"invalid TrainModel job","status":400,
             "errors":{"parameters.Epochs":["must be at least 1 (got 0)"],"parameters.Dataset":["is required","must be container/prefix"]}}
            """, "application/problem+json");
        using var client = Client(handler);

        var error = await Assert.ThrowsAsync<SchedulerException>(() => client.SubmitAsync(Submit(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("invalid TrainModel job", error.Message, StringComparison.Ordinal);
        Assert.Contains("parameters.Epochs: must be at least 1 (got 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("parameters.Dataset: is required; must be container/prefix", error.Message, StringComparison.Ordinal);
        Assert.Equal(["parameters.Dataset", "parameters.Epochs"], error.FieldErrors.Keys.Order(StringComparer.Ordinal));
        Assert.False(error.Unreachable);
    }

    [Fact]
    public async Task A_400_without_field_errors_still_says_why()
    {
        using var client = Client(FakeHandler.Answering(HttpStatusCode.BadRequest, "not json at all", "text/plain"));
        var error = await Assert.ThrowsAsync<SchedulerException>(() => client.SubmitAsync(Submit(), CancellationToken.None));
        Assert.Equal("the Scheduler rejected the request: not json at all", error.Message);
    }

    [Fact]
    public async Task A_401_says_how_to_give_the_key()
    {
        using var client = Client(FakeHandler.Answering(HttpStatusCode.Unauthorized, """{"title":"Unauthorized","status":401}"""));
        var error = await Assert.ThrowsAsync<SchedulerException>(() => client.GetJobAsync(Id, CancellationToken.None));
        Assert.Equal("the Scheduler refused the API key (set VAEFACES_API_KEY or --api-key)", error.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Refused_connections_name_the_scheduler_url_and_count_as_unreachable()
    {
        var refused = new HttpRequestException("Connection refused (scheduler.test:5080)", new SocketException((int)SocketError.ConnectionRefused));
        using var client = Client(FakeHandler.Throwing(refused));
        var error = await Assert.ThrowsAsync<SchedulerException>(() => client.GetJobAsync(Id, CancellationToken.None));
        Assert.StartsWith($"cannot reach the Scheduler at {Url}: Connection refused", error.Message, StringComparison.Ordinal);
        Assert.True(error.Unreachable);
    }

    [Fact]
    public async Task Unknown_jobs_and_schedules_are_named()
    {
        using var client = Client(FakeHandler.Answering(HttpStatusCode.NotFound));
        Assert.Equal($"no job {Id}", (await Assert.ThrowsAsync<SchedulerException>(() => client.CancelAsync(Id, CancellationToken.None))).Message);
        Assert.Equal("no schedule nightly",
            (await Assert.ThrowsAsync<SchedulerException>(() => client.TriggerScheduleAsync("nightly", CancellationToken.None))).Message);
    }

    [Fact]
    public async Task A_404_on_a_route_the_api_has_points_at_the_url()
    {
        using var client = Client(FakeHandler.Answering(HttpStatusCode.NotFound));
        var error = await Assert.ThrowsAsync<SchedulerException>(() => client.ListJobsAsync(null, null, null, null, CancellationToken.None));
        Assert.Contains("is --scheduler the Scheduler's URL?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_409_gives_the_problem_detail()
    {
        using var client = Client(FakeHandler.Answering(HttpStatusCode.Conflict,
            $$"""{"title":"Conflict","status":409,"detail":"job {{Id}} has already ended Succeeded"}"""));
        var error = await Assert.ThrowsAsync<SchedulerException>(() => client.CancelAsync(Id, CancellationToken.None));
        Assert.Equal($"job {Id} has already ended Succeeded", error.Message);
    }

    [Fact]
    public async Task A_success_that_is_not_the_apis_json_is_an_error_not_a_crash()
    {
        using var client = Client(FakeHandler.Answering(HttpStatusCode.OK, "<html>welcome</html>", "text/html"));
        var error = await Assert.ThrowsAsync<SchedulerException>(() => client.GetJobAsync(Id, CancellationToken.None));
        Assert.Contains("something other than the job API's JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_posts_camel_case_json_with_the_key_and_reads_the_acceptance()
    {
        var handler = FakeHandler.Answering(HttpStatusCode.Accepted, $$"""{"id":"{{Id}}","status":"Queued","location":"/api/jobs/{{Id}}"}""");
        using var client = Client(handler);

        var accepted = await client.SubmitAsync(Submit() with { JobId = Id }, CancellationToken.None);

        Assert.Equal(new JobAccepted(Id, JobStatus.Queued, $"/api/jobs/{Id}"), accepted);
        var (request, body) = Assert.Single(handler.Sent);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"{Url}/api/jobs", request.RequestUri!.ToString());
        Assert.Equal("secret", Assert.Single(request.Headers.GetValues(SchedulerClient.KeyHeader)));
        Assert.Equal($$"""{"kind":"TrainModel","parameters":{"dataset":"datasets/faces","epochs":0},"jobId":"{{Id}}"}""", body);
        Assert.Equal(body!.Length, request.Content!.Headers.ContentLength);
    }

    [Fact]
    public async Task Listing_jobs_sends_only_the_filters_given()
    {
        var handler = FakeHandler.Answering(HttpStatusCode.OK, "[]");
        using var client = Client(handler);
        Assert.Empty(await client.ListJobsAsync("Running", null, "nightly run", 50, CancellationToken.None));
        Assert.Equal($"{Url}/api/jobs?status=Running&schedule=nightly%20run&limit=50", handler.Sent.Single().Request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task A_job_view_reads_metrics_that_are_not_finite()
    {
        var json = $$"""
            {"id":"{{Id}}","kind":"TrainModel","status":"Running","progress":0.5,"stage":"train","etaSeconds":12.5,
             "metrics":{"loss":"NaN","epoch":3},"output":"artifacts/jobs/x","artifacts":[],"error":null,"worker":"w1",
             "cancelRequested":false,"parentId":null,"schedule":null,"parameters":{"epochs":5},
             "createdAt":"2025-01-01T10:00:00+00:00","startedAt":null,"finishedAt":null}
            """;
        using var client = Client(FakeHandler.Answering(HttpStatusCode.OK, json));
        var job = await client.GetJobAsync(Id, CancellationToken.None);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.True(double.IsNaN(job.Metrics["loss"]));
        Assert.Equal(5, job.Parameters.GetProperty("epochs").GetInt32());
    }

    [Theory]
    [InlineData("ftp://scheduler.test")]
    [InlineData("scheduler.test:5080")]
    public void A_scheduler_url_that_is_not_http_is_refused(string url)
    {
        var error = Assert.Throws<SchedulerException>(() => SchedulerClient.Create(url, "secret", FakeHandler.Answering(HttpStatusCode.OK)));
        Assert.Contains("--scheduler", error.Message, StringComparison.Ordinal);
    }
}
