using MassTransit;
using VaeFaces.Cli.Display;
using VaeFaces.Contracts;

namespace VaeFaces.Cli.Pipeline;

/// <summary>Publishes a job command on the bus and follows its events to the end, showing progress.</summary>
public sealed class JobClient(IBus bus, JobEvents events)
{
    public async Task<JobSucceeded> RunAsync<T>(T command, CancellationToken cancellationToken) where T : class, IJobCommand
    {
        var kind = typeof(T).Name;
        var updates = events.Watch(command.JobId);
        try
        {
            await bus.Publish(command, cancellationToken);
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
