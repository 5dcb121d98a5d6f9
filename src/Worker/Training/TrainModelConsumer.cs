using MassTransit;
using Microsoft.Extensions.Options;
using VaeFaces.Contracts;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Training;

public sealed class TrainModelConsumer(JobRunner runner) : IConsumer<TrainModel>
{
    public Task Consume(ConsumeContext<TrainModel> context) => runner.RunAsync(context, TrainModelJob.RunAsync, TrainModelJob.HasCheckpointAsync);
}

public sealed class TrainModelConsumerDefinition(IOptions<WorkerOptions> options) : JobConsumerDefinition<TrainModelConsumer>(options);
