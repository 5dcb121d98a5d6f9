using Npgsql;
using VaeFaces.Contracts;
using VaeFaces.Scheduler.Jobs.Outbox;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>
/// Records a job as Queued with its command in the outbox, in one transaction; the outbox dispatcher sends it to the
/// kind's queue. A crash between the two can no longer leave a job Queued that was never sent.
/// </summary>
public sealed class JobSubmitter(JobStore store, OutboxSignal outbox, ILogger<JobSubmitter> logger)
{
    public async Task<Submission> SubmitAsync(IJobCommand command, IReadOnlyList<string> then, Guid? parentId, string? schedule,
        CancellationToken cancellationToken)
    {
        var result = await store.InTransactionAsync(transaction => SubmitAsync(transaction, command, then, parentId, schedule, cancellationToken),
            cancellationToken);
        if (result is Submission.Recorded or Submission.Resent) outbox.Wake();
        return result;
    }

    /// <summary>In the caller's transaction; the caller wakes the outbox once it has committed.</summary>
    public async Task<Submission> SubmitAsync(NpgsqlTransaction transaction, IJobCommand command, IReadOnlyList<string> then, Guid? parentId,
        string? schedule, CancellationToken cancellationToken)
    {
        var kind = command.GetType().Name;
        var result = await store.RecordAsync(transaction, new NewJob(command.JobId, kind, JobCommands.ToJson(command),
            command.Output.ToString(), then, parentId, schedule), cancellationToken);
        switch (result)
        {
            case Submission.Recorded:
                logger.LogInformation("{Kind} {JobId} queued", kind, command.JobId);
                break;
            case Submission.Resent:
                logger.LogInformation("{Kind} {JobId} submitted again while queued; its command is sent again", kind, command.JobId);
                break;
            case Submission.Conflict:
                logger.LogWarning("{Kind} {JobId} refused: that JobId is another job's (other kind or parameters)", kind, command.JobId);
                break;
        }
        return result;
    }
}
