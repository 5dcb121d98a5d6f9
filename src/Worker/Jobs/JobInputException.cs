namespace VaeFaces.Worker.Jobs;

/// <summary>The job's inputs or parameters are wrong: retrying cannot help, the job fails with this reason.</summary>
public sealed class JobInputException(string message) : Exception(message);
