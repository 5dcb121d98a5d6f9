using System.Net;
using System.Text.Json;

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
    private sealed record Problem(string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
    {
        public static Problem Parse(string body)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return new Problem(null, null, errors);
                if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                    foreach (var field in fields.EnumerateObject())
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? [.. field.Value.EnumerateArray().Select(Message)]
                            : [Message(field.Value)];
                return new Problem(Text(root, "title"), Text(root, "detail"), errors);
            }
            catch (JsonException)
            {
                return new Problem(null, null, errors);
            }
        }

        private static string Message(JsonElement error) => error.ValueKind == JsonValueKind.String ? error.GetString()! : error.GetRawText();

        private static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString()
                : null;
    }
}
