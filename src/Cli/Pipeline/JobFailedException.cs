namespace VaeFaces.Cli.Pipeline;

public sealed class JobFailedException(string kind, string reason) : Exception($"{kind} failed: {reason}");
