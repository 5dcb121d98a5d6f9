using MassTransit;
using Microsoft.Extensions.Logging;
using VaeFaces.Contracts;

namespace VaeFaces.Worker.Jobs;

/// <summary>
/// A job whose lock was lost (its lease broken, or not renewed for longer than it can be counted on) may already be
/// running on another worker, so it is not final here: Interrupted, not Failed. Its outputs are not cleaned up and its
/// manifest is not written (both may be the new holder's now, and the lock refuses those writes anyway). Its message
/// goes back to its queue as a copy: the worker that takes it waits for the lock, then resumes the job or reports the
/// result the new holder wrote. (Faulting it would move it to the error queue; abandoning it needs the consumer to stop.)
/// </summary>
public static class LeaseLoss
{
    public static async Task HandBackAsync<T>(ConsumeContext<T> context, string kind, string worker, string reason, Exception error,
        ILogger logger) where T : class, IJobCommand
    {
        var command = context.Message;
        logger.LogWarning("{Kind} {JobId} stopped: {Reason} ({Error}); it writes nothing more and its message goes back to {Queue}",
            kind, command.JobId, reason, $"{error.GetType().Name}: {error.Message}", context.ReceiveContext.InputAddress);
        try
        {
            await context.Publish(new JobInterrupted(command.JobId, kind, worker, reason), CancellationToken.None);
        }
        catch (Exception publish)
        {
            logger.LogError(publish, "{Kind} {JobId}: could not report the lost lease", kind, command.JobId);
        }
        var queue = await context.GetSendEndpoint(context.ReceiveContext.InputAddress);
        await queue.Send(command, CancellationToken.None);
    }
}
