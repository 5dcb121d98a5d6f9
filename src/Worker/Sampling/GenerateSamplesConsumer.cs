using MassTransit;
using Microsoft.Extensions.Options;
using VaeFaces.Contracts;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Sampling;

public sealed class GenerateSamplesConsumer(JobRunner runner) : IConsumer<GenerateSamples>
{
    public Task Consume(ConsumeContext<GenerateSamples> context) => runner.RunAsync(context, GenerateSamplesJob.RunAsync);
}

public sealed class GenerateSamplesConsumerDefinition(IOptions<WorkerOptions> options) : JobConsumerDefinition<GenerateSamplesConsumer>(options);
