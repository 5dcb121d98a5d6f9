namespace VaeFaces.Scheduler;

public sealed class SchedulerOptions
{
    /// <summary>The key every /api call must send in X-Api-Key (configuration Api:Key).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Basic-auth credentials of the Hangfire dashboard at /hangfire (Dashboard:Username, Dashboard:Password).</summary>
    public string DashboardUsername { get; set; } = "";
    public string DashboardPassword { get; set; } = "";

    /// <summary>How often Hangfire's server polls PostgreSQL for work (a triggered schedule waits at most this long).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
