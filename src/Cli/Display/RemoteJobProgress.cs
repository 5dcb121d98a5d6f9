using VaeFaces.Cli.Api;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.Cli.Display;

/// <summary>
/// Follows a job on the Scheduler to its end by polling it every second, shown like a local job (live bar with ETA on a
/// terminal, a plain line every few seconds otherwise) or not at all when quiet.
/// </summary>
public static class RemoteJobProgress
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Polls that may fail in a row (Scheduler restarting, a network blip) before the watch gives up.</summary>
    private const int MaxUnreachablePolls = 30;

    /// <summary>The job's final view. A wrong id or key fails at once, before any progress is drawn.</summary>
    public static async Task<JobView> FollowAsync(SchedulerClient client, Guid id, bool quiet, CancellationToken cancellationToken)
    {
        var first = await client.GetJobAsync(id, cancellationToken);
        if (quiet || first.Status.IsFinal()) return await PollAsync(client, first, (_, _) => { }, cancellationToken);
        try
        {
            return await JobProgressView.RunAsync($"{first.Kind} {id.ToString()[..8]}",
                report => PollAsync(client, first, report, cancellationToken, throwUnlessSucceeded: true));
        }
        catch (JobEndedException ended)
        {
            // Thrown out of the bar so that it stops where the job stopped instead of filling up to 100%.
            return ended.Job;
        }
    }

    private static async Task<JobView> PollAsync(SchedulerClient client, JobView job, Action<double, string> report,
        CancellationToken cancellationToken, bool throwUnlessSucceeded = false)
    {
        var unreachable = 0;
        while (true)
        {
            if (job.Status.IsFinal())
            {
                if (throwUnlessSucceeded && job.Status != JobStatus.Succeeded) throw new JobEndedException(job);
                report(1, JobViews.Describe(job));
                return job;
            }
            report(job.Progress, JobViews.Describe(job));
            await Task.Delay(PollInterval, cancellationToken);
            try
            {
                job = await client.GetJobAsync(job.Id, cancellationToken);
                unreachable = 0;
            }
            catch (SchedulerException error) when (error.Unreachable && ++unreachable < MaxUnreachablePolls)
            {
                report(job.Progress, $"[{error.Message}; retrying]");
            }
        }
    }

    private sealed class JobEndedException(JobView job) : Exception($"{job.Kind} {job.Id} ended {job.Status}")
    {
        public JobView Job { get; } = job;
    }
}
