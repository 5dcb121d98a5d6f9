using MassTransit;
using VaeFaces.Contracts;

namespace VaeFaces.Worker.Jobs;

/// <summary>The one consumer of every job kind: the runner gives each job its life (events, manifest, lock, clean-up).</summary>
public sealed class JobConsumer<TCommand, TJob>(JobRunner runner) : IConsumer<TCommand>
    where TCommand : class, IJobCommand
    where TJob : IJob<TCommand>
{
    public Task Consume(ConsumeContext<TCommand> context) => runner.RunAsync<TCommand, TJob>(context);
}
