using MassTransit;
using VaeFaces.Cli.Display;
using VaeFaces.Contracts;

namespace VaeFaces.Cli.Pipeline;

/// <summary>Publishes a job command on the bus and follows its events to the end, showing progress.</summary>
public sealed class JobClient(IBus bus, JobEvents events)
{
    public async Task<JobSucceeded> RunAsync(IJobCommand command, CancellationToken cancellationToken)
    {
        var kind = command.GetType().Name;
        var updates = events.Watch(command.JobId);
        try
        {
            // Published as its own type, which routes it to its queue, not as IJobCommand.
            await bus.Publish(command, command.GetType(), cancellationToken);
            return await JobProgressView.RunAsync(kind, async report =>
            {
                await foreach (var message in updates.ReadAllAsync(cancellationToken))
                {
                    switch (message)
                    {
                        case JobStarted:
                            report(0, "[started]");
                            break;
                        case JobProgressed progress:
                            report(progress.Fraction, JobProgressView.Describe(progress));
                            break;
                        case JobSucceeded succeeded:
                            report(1, $"[done in {JobProgressView.Format(succeeded.Duration)}]");
                            return succeeded;
                        case JobFailed failed:
                            throw new JobFailedException(kind, failed.Reason);
                    }
                }
                throw new OperationCanceledException(cancellationToken);
            });
        }
        finally
        {
            events.Forget(command.JobId);
        }
    }
}
