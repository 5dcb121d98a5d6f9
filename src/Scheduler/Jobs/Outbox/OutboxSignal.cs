namespace VaeFaces.Scheduler.Jobs.Outbox;

/// <summary>Wakes the dispatcher when this process has committed a command, so it need not wait for its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim waiting = new(0, 1);

    public void Wake()
    {
        try
        {
            waiting.Release();
        }
        catch (SemaphoreFullException)
        {
            // Woken already; one wake-up sends everything committed so far.
        }
    }

    /// <summary>Returns when woken or after the timeout.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => waiting.WaitAsync(timeout, cancellationToken);
}
