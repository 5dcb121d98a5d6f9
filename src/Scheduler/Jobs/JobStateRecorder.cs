using MassTransit;
using VaeFaces.Contracts;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>Records job state from the workers' events, chains follow-up jobs, and repeats late cancellations.</summary>
public sealed class JobStateRecorder(JobStore store, JobChain chain) :
    IConsumer<JobStarted>, IConsumer<JobProgressed>, IConsumer<JobSucceeded>, IConsumer<JobFailed>, IConsumer<JobCancelled>,
    IConsumer<JobInterrupted>
{
    public async Task Consume(ConsumeContext<JobStarted> context)
    {
        // Cancelled while queued, or before this worker took it: tell the worker now that it runs the job.
        if (await store.MarkStartedAsync(context.Message, context.CancellationToken))
            await context.Publish(new CancelJob(context.Message.JobId), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<JobProgressed> context) => store.MarkProgressAsync(context.Message, context.CancellationToken);

    public async Task Consume(ConsumeContext<JobSucceeded> context)
    {
        await store.MarkSucceededAsync(context.Message, context.CancellationToken);
        if (await store.GetAsync(context.Message.JobId, context.CancellationToken) is { View.Status: JobStatus.Succeeded } job)
            await chain.ContinueAsync(job, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<JobFailed> context) => store.MarkFailedAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<JobCancelled> context) => store.MarkCancelledAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<JobInterrupted> context) => store.MarkInterruptedAsync(context.Message, context.CancellationToken);
}

/// <summary>One event at a time keeps a job's events in order; a database hiccup is retried, then the event is kept in the error queue.</summary>
public sealed class JobStateRecorderDefinition : ConsumerDefinition<JobStateRecorder>
{
    public JobStateRecorderDefinition()
    {
        // The queue keeps the name it had as JobEventsConsumer's, so a deployed broker's queue and its waiting events stay in use.
        EndpointName = "job-events";
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<JobStateRecorder> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(200, 1000, 5000));
    }
}
