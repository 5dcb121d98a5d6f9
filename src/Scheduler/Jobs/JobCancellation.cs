using MassTransit;
using VaeFaces.Contracts;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>What a cancel request found: the job it asked to stop, or the job that had ended already; both null when there is none.</summary>
public sealed record CancelOutcome(StoredJob? Requested, StoredJob? Ended);

/// <summary>Cancels a job for the API and the dashboard alike.</summary>
public sealed class JobCancellation(JobStore store, IBus bus)
{
    public async Task<CancelOutcome> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.RequestCancelAsync(id, cancellationToken) is { } job)
        {
            // Every worker hears it; the one running the job stops at its next step and reports JobCancelled.
            await bus.Publish(new CancelJob(id), cancellationToken);
            return new CancelOutcome(job, null);
        }
        return new CancelOutcome(null, await store.GetAsync(id, cancellationToken));
    }
}
