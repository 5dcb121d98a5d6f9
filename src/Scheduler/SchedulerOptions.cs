namespace VaeFaces.Scheduler;

public sealed class SchedulerOptions
{
    /// <summary>The key every /api call must send in X-Api-Key (configuration Api:Key).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Basic-auth credentials of the Hangfire dashboard at /hangfire (Dashboard:Username, Dashboard:Password).</summary>
    public string DashboardUsername { get; set; } = "";
    public string DashboardPassword { get; set; } = "";

    /// <summary>The largest body an /api call may send (Scheduler:MaxRequestBodyBytes); a bigger one gets 413 unread.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// /api calls one client address may make per <see cref="RateLimitWindow"/>; past them 429 with Retry-After.
    /// Generous by default, so that a burst of a thousand submissions and their polling fits; a load drill can raise it.
    /// </summary>
    public int RateLimitPermits { get; set; } = 6000;
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often Hangfire's server polls PostgreSQL for work (a triggered schedule waits at most this long).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
