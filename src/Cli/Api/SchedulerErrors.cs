using System.Net;
using System.Text.Json;

using VaeFaces.Contracts;

namespace VaeFaces.Cli.Api;

/// <summary>Turns the Scheduler's error answers (ASP.NET Core problem details) into messages that say what to fix.</summary>
public static class SchedulerErrors
{
    public const string KeyRefused = "the Scheduler refused the API key (set VAEFACES_API_KEY or --api-key)";

    /// <param name="notFound">What a 404 means for this call ("no job ..."); empty when the path itself should exist.</param>
    public static async Task<SchedulerException> FromAsync(HttpResponseMessage response, string scheduler, string notFound,
        CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problem = Problem.Parse(body);
        var status = response.StatusCode;
        return status switch
        {
            HttpStatusCode.BadRequest => new SchedulerException(Rejected(problem, body), status, problem.Errors),
            HttpStatusCode.Unauthorized => new SchedulerException(KeyRefused, status),
            // An empty notFound is a route the Scheduler should have: the URL most likely points at something else.
            HttpStatusCode.NotFound => new SchedulerException(notFound.Length > 0
                ? notFound
                : $"{scheduler} has no {response.RequestMessage?.RequestUri?.AbsolutePath} (404): is --scheduler the Scheduler's URL?", status),
            HttpStatusCode.Conflict => new SchedulerException(problem.Detail ?? problem.Title ?? "the Scheduler refused: conflict (409)", status),
            _ => new SchedulerException($"the Scheduler answered {(int)status} {response.ReasonPhrase}: {problem.Detail ?? problem.Title ?? Snippet(body)}", status),
        };
    }

    private static string Rejected(Problem problem, string body)
    {
        var summary = problem.Title ?? problem.Detail ?? (problem.Errors.Count == 0 ? Snippet(body) : null);
        var fields = problem.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"\n  {e.Key}: {string.Join("; ", e.Value)}");
        return "the Scheduler rejected the request" + (string.IsNullOrWhiteSpace(summary) ? "" : ": " + summary) + string.Concat(fields);
    }

    private static string Snippet(string body)
    {
        var text = body.Trim();
        return text.Length == 0 ? "(no details)" : text.Length <= 300 ? text : text[..300] + "...";
    }

    /// <summary>The parts of RFC 7807 problem details (and ValidationProblemDetails' errors) the messages use; all optional.</summary>
    private sealed record Problem(string? Title, string? Detail, IReadOnlyDictionary<string, string[]>? Errors)
    {
        private static readonly Problem None = new(null, null, null);

        public IReadOnlyDictionary<string, string[]> Errors { get; } = Errors ?? new Dictionary<string, string[]>();

        /// <summary>Anything else (HTML from a proxy, plain text) gives no parts, and the messages quote the body instead.</summary>
        public static Problem Parse(string body)
        {
            try
            {
                return JsonSerializer.Deserialize<Problem>(body, JobJson.Options) ?? None;
            }
            catch (JsonException)
            {
                return None;
            }
        }
    }
}
