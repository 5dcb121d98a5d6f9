using MassTransit;
using Microsoft.Extensions.Logging;
using VaeFaces.Contracts;

namespace VaeFaces.Worker.Jobs;

/// <summary>Every worker hears every CancelJob (a temporary queue per process); the one running the job stops it.</summary>
public sealed class CancelJobConsumer(RunningJobs jobs, ILogger<CancelJobConsumer> logger) : IConsumer<CancelJob>
{
    public Task Consume(ConsumeContext<CancelJob> context)
    {
        if (jobs.Cancel(context.Message.JobId)) logger.LogInformation("Cancelling job {JobId} at its next step", context.Message.JobId);
        return Task.CompletedTask;
    }
}

public sealed class CancelJobConsumerDefinition : ConsumerDefinition<CancelJobConsumer>
{
    public CancelJobConsumerDefinition()
    {
        // A queue of its own per process (cancel-job-<id>), deleted when the process goes.
        Endpoint(e =>
        {
            e.Temporary = true;
            e.InstanceId = Guid.NewGuid().ToString("N")[..12];
        });
    }
}
