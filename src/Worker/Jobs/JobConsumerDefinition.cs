using MassTransit;
using Microsoft.Extensions.Options;

namespace VaeFaces.Worker.Jobs;

/// <summary>
/// Settings shared by all job consumers: a worker runs ConcurrentJobs at once (one on a GPU) and prefetches no more,
/// so other workers take the queued jobs. No message retry: a job reports its failure once, and rerunning the same
/// JobId resumes from its checkpoint. No consumer timeout: jobs can run for hours.
/// </summary>
public abstract class JobConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    protected JobConsumerDefinition(IOptions<WorkerOptions> options)
    {
        ConcurrentMessageLimit = options.Value.ConcurrentJobs;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = ConcurrentMessageLimit ?? 1;
        endpointConfigurator.UseMessageRetry(retry => retry.None());
    }
}
