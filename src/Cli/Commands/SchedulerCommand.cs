using Spectre.Console.Cli;
using VaeFaces.Cli.Api;
using VaeFaces.Cli.Display;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.Cli.Commands;

/// <summary>
/// A verb that calls the Scheduler. A failed call prints its message on stderr and exits 3, apart from the job outcomes
/// that --wait reports: 0 Succeeded, 1 Failed, 2 Cancelled.
/// </summary>
public abstract class SchedulerCommand<TSettings> : AsyncCommand<TSettings> where TSettings : SchedulerSettings
{
    public const int SchedulerError = 3;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            using var client = SchedulerClient.Create(settings.Scheduler, settings.ApiKey);
            return await RunAsync(client, settings, cancellationToken);
        }
        catch (SchedulerException error)
        {
            Errors.Write(error.Message);
            return SchedulerError;
        }
    }

    protected abstract Task<int> RunAsync(SchedulerClient client, TSettings settings, CancellationToken cancellationToken);

    public static int ExitCodeOf(JobView job) => job.Status switch
    {
        JobStatus.Succeeded => 0,
        JobStatus.Failed => 1,
        JobStatus.Cancelled => 2,
        _ => throw new InvalidOperationException($"job {job.Id} has not ended ({job.Status})"),
    };
}
