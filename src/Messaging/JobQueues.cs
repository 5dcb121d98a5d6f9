using MassTransit;

namespace VaeFaces.Messaging;

/// <summary>The queue each job kind is consumed from (kebab-case, as the workers' endpoints are named).</summary>
public static class JobQueues
{
    public static string NameOf(string kind) => KebabCaseEndpointNameFormatter.Instance.SanitizeName(kind);

    /// <summary>Sending to the queue (not publishing) declares it, so a job sent before any worker started waits there.</summary>
    public static Uri AddressOf(string kind) => new($"queue:{NameOf(kind)}");
}
