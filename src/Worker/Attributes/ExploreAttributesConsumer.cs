using MassTransit;
using Microsoft.Extensions.Options;
using VaeFaces.Contracts;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Attributes;

public sealed class ExploreAttributesConsumer(JobRunner runner) : IConsumer<ExploreAttributes>
{
    public Task Consume(ConsumeContext<ExploreAttributes> context) => runner.RunAsync(context, ExploreAttributesJob.RunAsync);
}

public sealed class ExploreAttributesConsumerDefinition(IOptions<WorkerOptions> options) : JobConsumerDefinition<ExploreAttributesConsumer>(options);
