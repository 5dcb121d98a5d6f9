using MassTransit;
using Microsoft.Extensions.Options;
using VaeFaces.Contracts;
using VaeFaces.Scheduler.Jobs.Outbox;

namespace VaeFaces.Scheduler.Jobs;

/// <summary>
/// Records job state from the workers' events, chains follow-up jobs, and repeats late cancellations. An event for a
/// job that has ended changes nothing: it is logged once and acknowledged (it is no fault). A JobSucceeded for a job
/// whose cancellation was requested while it ran is recorded (the worker finished before it heard; its results are
/// complete), but its chain does not run: nobody wants more work from a job they cancelled.
/// </summary>
public sealed class JobStateRecorder(JobStore store, JobChain chain, OutboxSignal outbox, ILogger<JobStateRecorder> logger) :
    IConsumer<JobStarted>, IConsumer<JobProgressed>, IConsumer<JobSucceeded>, IConsumer<JobFailed>, IConsumer<JobCancelled>,
    IConsumer<JobInterrupted>
{
    public async Task Consume(ConsumeContext<JobStarted> context)
    {
        // Cancelled while queued, before this worker took it, or ended meanwhile: tell the worker now that it runs the job.
        if (await store.MarkStartedAsync(context.Message, context.CancellationToken))
            await context.Publish(new CancelJob(context.Message.JobId), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<JobProgressed> context) => store.MarkProgressAsync(context.Message, context.CancellationToken);

    public async Task Consume(ConsumeContext<JobSucceeded> context)
    {
        var succeeded = context.Message;
        // The next step is recorded in the transaction that makes the job Succeeded: it runs on that transition only,
        // once however often the event comes, and not at all if the transaction is rolled back (and the event retried).
        var (job, chained) = await store.InTransactionAsync(async transaction =>
        {
            var job = await store.MarkSucceededAsync(transaction, succeeded, context.CancellationToken);
            var chained = job is { View.CancelRequested: false } && await chain.ContinueAsync(transaction, job, context.CancellationToken);
            return (job, chained);
        }, context.CancellationToken);
        if (job is null) await LogLateAsync(nameof(JobSucceeded), succeeded.Kind, succeeded.JobId, context.CancellationToken);
        else if (job.View.CancelRequested && job.Then.Count > 0)
            logger.LogInformation("{Kind} {JobId} succeeded before it saw its cancellation; {Then} not chained", succeeded.Kind, succeeded.JobId, job.Then[0]);
        if (chained) outbox.Wake();
    }

    public async Task Consume(ConsumeContext<JobFailed> context)
    {
        if (await store.MarkFailedAsync(context.Message, context.CancellationToken) is null)
            await LogLateAsync(nameof(JobFailed), context.Message.Kind, context.Message.JobId, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<JobCancelled> context)
    {
        if (await store.MarkCancelledAsync(context.Message, context.CancellationToken) is null)
            await LogLateAsync(nameof(JobCancelled), context.Message.Kind, context.Message.JobId, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<JobInterrupted> context) => store.MarkInterruptedAsync(context.Message, context.CancellationToken);

    private async Task LogLateAsync(string name, string kind, Guid jobId, CancellationToken cancellationToken)
    {
        var status = (await store.GetAsync(jobId, cancellationToken))?.View.Status;
        logger.LogInformation("Ignored a late {Event} for {Kind} {JobId}: the job ended {Status} already", name, kind, jobId, status);
    }
}

/// <summary>
/// One event at a time keeps a job's events in order. A database outage is waited out in place (the event is retried
/// for DatabaseOutageRetry, still in order), since this broker has no delayed-message exchange for delayed redelivery;
/// any other error is retried briefly, then the event is kept in the error queue.
/// </summary>
public sealed class JobStateRecorderDefinition : ConsumerDefinition<JobStateRecorder>
{
    private readonly SchedulerOptions options;

    public JobStateRecorderDefinition(IOptions<SchedulerOptions> options)
    {
        this.options = options.Value;
        // The queue keeps the name it had as JobEventsConsumer's, so a deployed broker's queue and its waiting events stay in use.
        EndpointName = "job-events";
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<JobStateRecorder> consumerConfigurator, IRegistrationContext context)
    {
        // Outer: an outage is retried for as long as a restart takes. Inner: anything else a few times; an outage passes through it.
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(DatabaseRetry.IsOutage);
            retry.Intervals(DatabaseRetry.Intervals(options.DatabaseOutageRetry));
        });
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Ignore<Exception>(DatabaseRetry.IsOutage);
            retry.Intervals(200, 1000, 5000);
        });
    }
}
