using MassTransit;
using Microsoft.Extensions.Options;
using VaeFaces.Contracts;
using VaeFaces.Messaging;

namespace VaeFaces.Worker.Jobs;

/// <summary>
/// Settings of every job consumer: its queue is the kind's (train-model, ...); a worker runs ConcurrentJobs at once
/// (one on a GPU) and prefetches no more, so other workers take the queued jobs. No message retry: a job reports its
/// failure once, and rerunning the same JobId resumes from its checkpoint. No consumer timeout: jobs can run for hours.
/// </summary>
public sealed class JobConsumerDefinition<TCommand, TJob> : ConsumerDefinition<JobConsumer<TCommand, TJob>>
    where TCommand : class, IJobCommand
    where TJob : IJob<TCommand>
{
    public JobConsumerDefinition(IOptions<WorkerOptions> options)
    {
        EndpointName = JobQueues.NameOf(typeof(TCommand).Name);
        ConcurrentMessageLimit = options.Value.ConcurrentJobs;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<JobConsumer<TCommand, TJob>> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = ConcurrentMessageLimit ?? 1;
        endpointConfigurator.UseMessageRetry(retry => retry.None());
    }
}
