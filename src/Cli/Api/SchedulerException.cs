using System.Net;

namespace VaeFaces.Cli.Api;

/// <summary>
/// A Scheduler call that did not succeed, with a message worded for the command line. StatusCode is null when no answer
/// came at all (Unreachable), so a watcher can ride out a Scheduler restart; FieldErrors holds a 400's problems by field.
/// </summary>
public sealed class SchedulerException(string message, HttpStatusCode? statusCode = null,
    IReadOnlyDictionary<string, string[]>? fieldErrors = null, Exception? innerException = null) : Exception(message, innerException)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; } = fieldErrors ?? new Dictionary<string, string[]>();

    public bool Unreachable => StatusCode is null && InnerException is HttpRequestException or TimeoutException;
}
