using MassTransit;
using Microsoft.Extensions.Options;
using VaeFaces.Contracts;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Latent;

public sealed class ComputeLatentStatisticsConsumer(JobRunner runner) : IConsumer<ComputeLatentStatistics>
{
    public Task Consume(ConsumeContext<ComputeLatentStatistics> context) => runner.RunAsync(context, ComputeLatentStatisticsJob.RunAsync);
}

public sealed class ComputeLatentStatisticsConsumerDefinition(IOptions<WorkerOptions> options) : JobConsumerDefinition<ComputeLatentStatisticsConsumer>(options);
