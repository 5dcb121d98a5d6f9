using MassTransit;
using VaeFaces.Contracts;
using VaeFaces.Messaging;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>Records a job as Queued, then sends its command to the kind's queue.</summary>
public sealed class JobSubmitter(JobStore store, IBus bus, ILogger<JobSubmitter> logger)
{
    /// <summary>False when the job existed already; its command is sent again only while it is still queued.</summary>
    public async Task<bool> SubmitAsync(IJobCommand command, IReadOnlyList<string> then, Guid? parentId, string? schedule,
        CancellationToken cancellationToken)
    {
        var kind = command.GetType().Name;
        var inserted = await store.InsertAsync(new NewJob(command.JobId, kind, JobCommands.ToJson(command),
            command.Output.ToString(), then, parentId, schedule), cancellationToken);
        if (!inserted && (await store.GetAsync(command.JobId, cancellationToken))?.View.Status != JobStatus.Queued) return false;
        try
        {
            var endpoint = await bus.GetSendEndpoint(JobQueues.AddressOf(kind));
            await endpoint.Send(command, command.GetType(), cancellationToken);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Could not send {Kind} {JobId}", kind, command.JobId);
            await store.MarkPublishFailedAsync(command.JobId, $"could not send the job to the broker: {error.Message}", CancellationToken.None);
            throw;
        }
        logger.LogInformation("{Kind} {JobId} queued", kind, command.JobId);
        return inserted;
    }
}
