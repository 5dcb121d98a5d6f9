using System.Net.Http.Json;
using System.Text.Json;
using VaeFaces.Contracts.Api;
using VaeFaces.Contracts;

namespace VaeFaces.Cli.Api;

/// <summary>
/// The Scheduler's HTTP job API. Every failure (no answer, a refused key, a rejected request) comes out as a
/// <see cref="SchedulerException"/> whose message a command can print as it is.
/// </summary>
public sealed class SchedulerClient : IDisposable
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string UrlVariable = "VAEFACES_SCHEDULER";
    public const string KeyVariable = "VAEFACES_API_KEY";
    public const string KeyHeader = "X-Api-Key";

    public static JsonSerializerOptions Json => JobJson.Options;

    public static JsonSerializerOptions IndentedJson => JobJson.Indented;

    private readonly HttpClient http;
    private readonly string address;

    /// <param name="http">With BaseAddress set to the Scheduler's URL, ending in '/'.</param>
    public SchedulerClient(HttpClient http)
    {
        this.http = http;
        address = http.BaseAddress?.ToString().TrimEnd('/') ?? throw new ArgumentException("the HttpClient needs a BaseAddress", nameof(http));
    }

    /// <summary>The client for --scheduler/--api-key, falling back to VAEFACES_SCHEDULER/VAEFACES_API_KEY, then the local default URL.</summary>
    /// <param name="handler">For tests; null for a real connection.</param>
    public static SchedulerClient Create(string? url, string? apiKey, HttpMessageHandler? handler = null)
    {
        var text = FirstSet(url, Environment.GetEnvironmentVariable(UrlVariable)) ?? DefaultUrl;
        if (!Uri.TryCreate(text.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            throw new SchedulerException($"'{text}' is not an http(s) URL for the Scheduler (--scheduler or {UrlVariable})");
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = baseAddress;
        // Every call is small; a Scheduler that takes this long is as good as down, and --wait retries anyway.
        http.Timeout = TimeSpan.FromSeconds(30);
        // No key, no header: the Scheduler's 401 then turns into the message that says how to set one.
        if (FirstSet(apiKey, Environment.GetEnvironmentVariable(KeyVariable)) is { } key) http.DefaultRequestHeaders.Add(KeyHeader, key);
        return new SchedulerClient(http);
    }

    public Task<JobAccepted> SubmitAsync(SubmitJobRequest request, CancellationToken cancellationToken) =>
        SendAsync<JobAccepted>(HttpMethod.Post, "api/jobs", request, "", cancellationToken);

    public Task<JobView> GetJobAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<JobView>(HttpMethod.Get, $"api/jobs/{id}", null, $"no job {id}", cancellationToken);

    /// <summary>Newest first; null filters are left out.</summary>
    public Task<List<JobView>> ListJobsAsync(string? status, string? kind, string? schedule, int? limit, CancellationToken cancellationToken)
    {
        var filters = new (string Name, string? Value)[]
        {
            ("status", status), ("kind", kind), ("schedule", schedule), ("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var query = filters.Where(f => f.Value is not null).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!)}").ToList();
        var path = "api/jobs" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return SendAsync<List<JobView>>(HttpMethod.Get, path, null, "", cancellationToken);
    }

    /// <summary>A queued job comes back Cancelled; a running one still Running with CancelRequested, until its worker stops.</summary>
    public Task<JobView> CancelAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<JobView>(HttpMethod.Delete, $"api/jobs/{id}", null, $"no job {id}", cancellationToken);

    public Task<ScheduleView> SetScheduleAsync(string name, ScheduleRequest request, CancellationToken cancellationToken) =>
        SendAsync<ScheduleView>(HttpMethod.Put, SchedulePath(name), request, "", cancellationToken);

    public Task<List<ScheduleView>> ListSchedulesAsync(CancellationToken cancellationToken) =>
        SendAsync<List<ScheduleView>>(HttpMethod.Get, "api/schedules", null, "", cancellationToken);

    public Task<ScheduleView> GetScheduleAsync(string name, CancellationToken cancellationToken) =>
        SendAsync<ScheduleView>(HttpMethod.Get, SchedulePath(name), null, $"no schedule {name}", cancellationToken);

    public async Task RemoveScheduleAsync(string name, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Delete, SchedulePath(name), null, $"no schedule {name}", cancellationToken);
    }

    /// <summary>Fires the schedule now; the job it publishes shows up under <see cref="ListJobsAsync"/> with schedule = name.</summary>
    public async Task TriggerScheduleAsync(string name, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, SchedulePath(name) + "/trigger", null, $"no schedule {name}", cancellationToken);
    }

    public void Dispose() => http.Dispose();

    private static string SchedulePath(string name) => $"api/schedules/{Uri.EscapeDataString(name)}";

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string notFound, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, notFound, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new JsonException("the body was null");
        }
        catch (Exception error) when (error is JsonException or NotSupportedException)
        {
            // A 2xx that is not the API's JSON: usually --scheduler pointing at some other web server.
            throw new SchedulerException($"{address} answered {method} /{path} with something other than the job API's JSON " +
                $"(is it the Scheduler?): {error.Message}", innerException: error);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string notFound, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        // Buffered, so the request has a Content-Length: some proxies and small servers do not take chunked bodies.
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), Json), System.Text.Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            // "An error occurred while sending the request" alone says nothing; the inner exception says what happened.
            var reason = error.InnerException is { } inner && !error.Message.Contains(inner.Message, StringComparison.Ordinal)
                ? $"{error.Message} ({inner.Message})"
                : error.Message;
            throw new SchedulerException($"cannot reach the Scheduler at {address}: {reason}", innerException: error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SchedulerException($"cannot reach the Scheduler at {address}: no answer in {http.Timeout.TotalSeconds:0}s",
                innerException: new TimeoutException(error.Message, error));
        }
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await SchedulerErrors.FromAsync(response, address, notFound, cancellationToken);
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
