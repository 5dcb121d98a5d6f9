namespace VaeFaces.Cli.Pipeline;

/// <summary>A step of the pipeline failed, or was refused before any job started (<paramref name="beforeStart"/>).</summary>
public sealed class JobFailedException(string kind, string reason, bool beforeStart = false)
    : Exception(beforeStart ? $"{kind} refused before any job started: {reason}" : $"{kind} failed: {reason}")
{
    public string Kind { get; } = kind;
    public string Reason { get; } = reason;
}
