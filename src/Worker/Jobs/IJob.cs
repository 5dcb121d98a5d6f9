using VaeFaces.Contracts;
using VaeFaces.Storage;

namespace VaeFaces.Worker.Jobs;

/// <summary>
/// A job kind's work: read the inputs, call Ml, write the outputs through the JobWorkspace. The worker registers a
/// consumer for every kind in JobKinds with the class that implements this for its command.
/// </summary>
public interface IJob<in TCommand> where TCommand : class, IJobCommand
{
    static abstract Task RunAsync(TCommand command, JobWorkspace job);

    /// <summary>Whether this run continues an earlier attempt of the job (JobStarted.Resumed).</summary>
    static virtual Task<bool> ResumesAsync(TCommand command, IBlobStore store, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>
    /// How far earlier attempts got, kept across them (a training job: its checkpoint's global step); 0 for a job that
    /// starts over each time. An attempt whose worker died after moving it on is not counted as a death (WorkerDeaths).
    /// </summary>
    static virtual Task<long> ProgressAsync(TCommand command, IBlobStore store, CancellationToken cancellationToken) => Task.FromResult(0L);
}
