using MassTransit;
using VaeFaces.Contracts;

namespace VaeFaces.Cli.Pipeline;

/// <summary>Hands the job events of this process's bus to <see cref="JobEvents"/>, which passes each to whoever waits for its job.</summary>
public sealed class JobEventForwarder(JobEvents events) :
    IConsumer<JobStarted>, IConsumer<JobProgressed>, IConsumer<JobSucceeded>, IConsumer<JobFailed>
{
    public Task Consume(ConsumeContext<JobStarted> context) => events.Deliver(context.Message.JobId, context.Message);
    public Task Consume(ConsumeContext<JobProgressed> context) => events.Deliver(context.Message.JobId, context.Message);
    public Task Consume(ConsumeContext<JobSucceeded> context) => events.Deliver(context.Message.JobId, context.Message);
    public Task Consume(ConsumeContext<JobFailed> context) => events.Deliver(context.Message.JobId, context.Message);
}
