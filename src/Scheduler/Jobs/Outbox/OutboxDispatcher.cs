using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;
using VaeFaces.Contracts;
using VaeFaces.Messaging;

namespace VaeFaces.Scheduler.Jobs.Outbox;

/// <summary>
/// Sends the outbox's commands to their kinds' queues, when woken by a commit here and every OutboxPollInterval (for
/// rows another Scheduler, or a crashed one, left). A database or broker outage is logged and retried, never fatal.
/// </summary>
public sealed class OutboxDispatcher(JobOutbox outbox, JobStore store, IBus bus, OutboxSignal signal, IOptions<SchedulerOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await outbox.SendAsync(message => SendAsync(message, stoppingToken), BatchSize, stoppingToken);
                if (failures > 0) logger.LogInformation("Outbox: sending again after {Failures} failed attempts", failures);
                failures = 0;
                if (sent == BatchSize) continue;
                await signal.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The first failure of an outage with its cause, then every tenth: visible without flooding the log.
                failures++;
                if (failures == 1 || failures % 10 == 0)
                    logger.LogWarning("Outbox: could not send commands (attempt {Failures}; retrying): {Reason}", failures, error.Message);
                var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));
                try
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task SendAsync(JobOutbox.Message message, CancellationToken stoppingToken)
    {
        IJobCommand command;
        try
        {
            command = JobKinds.All.TryGetValue(message.Kind, out var type)
                ? (IJobCommand)JsonSerializer.Deserialize(message.Command, type, JobCommands.Json)!
                : throw new JsonException($"'{message.Kind}' is not a job kind");
        }
        catch (JsonException error)
        {
            // Not a broker problem, so retrying cannot help: the job ends Failed and the row counts as handled.
            logger.LogError("Outbox: the command of {Kind} {JobId} cannot be read back: {Reason}", message.Kind, message.JobId, error.Message);
            await store.FailAsync(message.JobId, $"the Scheduler could not read its command back: {error.Message}", stoppingToken);
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(SendTimeout);
        var endpoint = await bus.GetSendEndpoint(JobQueues.AddressOf(message.Kind));
        await endpoint.Send(command, command.GetType(), timeout.Token);
        logger.LogInformation("{Kind} {JobId} sent to its queue", message.Kind, message.JobId);
    }
}
