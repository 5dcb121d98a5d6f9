using MassTransit;
using Microsoft.Extensions.Options;
using VaeFaces.Contracts;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Attributes;

public sealed class ExtractAttributeVectorsConsumer(JobRunner runner) : IConsumer<ExtractAttributeVectors>
{
    public Task Consume(ConsumeContext<ExtractAttributeVectors> context) => runner.RunAsync(context, ExtractAttributeVectorsJob.RunAsync);
}

public sealed class ExtractAttributeVectorsConsumerDefinition(IOptions<WorkerOptions> options) : JobConsumerDefinition<ExtractAttributeVectorsConsumer>(options);
