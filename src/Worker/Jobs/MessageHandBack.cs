using MassTransit;

namespace VaeFaces.Worker.Jobs;

/// <summary>
/// Gives a job's message back to the broker when the worker stops, instead of faulting it into the `_error` queue.
/// In MassTransit 8.5 a consumer's OperationCanceledException only escapes the error transport when the consume
/// context's own token is cancelled (ConsumerMessageFilter turns any other into ConsumerCanceledException, which is
/// moved to `_error`; the receive pipe's rescue ignores OperationCanceledException). The transport cancels that token
/// MassTransitHostOptions.ConsumerStopTimeout after the bus starts stopping; the message is then left unacknowledged
/// (RabbitMqReceiveLockContext.Faulted skips its NACK once the token is cancelled) and RabbitMQ requeues it when the
/// channel closes, at the latest when the process exits.
/// </summary>
public static class MessageHandBack
{
    /// <summary>The in-memory transport of the embedded CLI.</summary>
    public static bool IsInMemory(ConsumeContext context) => context.ReceiveContext.InputAddress.Scheme == "loopback";

    /// <summary>Waits for the transport to cancel the consume, then throws the one exception that returns the message.</summary>
    public static async Task ThrowWhenTransportCancelsAsync(ConsumeContext context)
    {
        var consume = context.CancellationToken;
        await Task.Delay(Timeout.Infinite, consume).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        throw new OperationCanceledException("the worker is stopping; the message goes back to its queue", consume);
    }
}
