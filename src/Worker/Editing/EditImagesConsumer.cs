using MassTransit;
using Microsoft.Extensions.Options;
using VaeFaces.Contracts;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Editing;

public sealed class EditImagesConsumer(JobRunner runner) : IConsumer<EditImages>
{
    public Task Consume(ConsumeContext<EditImages> context) => runner.RunAsync(context, EditImagesJob.RunAsync);
}

public sealed class EditImagesConsumerDefinition(IOptions<WorkerOptions> options) : JobConsumerDefinition<EditImagesConsumer>(options);
