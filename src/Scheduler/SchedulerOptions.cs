namespace VaeFaces.Scheduler;

public sealed class SchedulerOptions
{
    /// <summary>The key every /api call must send in X-Api-Key (configuration Api:Key).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Basic-auth credentials of the Hangfire dashboard at /hangfire (Dashboard:Username, Dashboard:Password).</summary>
    public string DashboardUsername { get; set; } = "";
    public string DashboardPassword { get; set; } = "";

    /// <summary>
    /// Root folder of the local blob store (Scheduler:StorageRoot), used when neither ConnectionStrings:Blobs nor
    /// Storage:AccountUrl is set: the workers' setting of the same name, so that both see the same folder.
    /// </summary>
    public string StorageRoot { get; set; } = Storage.BlobStores.DefaultRoot;

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

    /// <summary>How often the outbox dispatcher looks for unsent commands it was not woken for (another Scheduler's, a crashed one's).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long sent outbox rows are kept (for diagnosis) before the sweeper deletes them.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the sweeper looks for Running jobs that went silent.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A Running job with no event for this long has lost its worker (workers report progress every few seconds).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a silent job's command is sent again before it ends Failed.</summary>
    public int MaxResends { get; set; } = 3;

    /// <summary>How long a worker's event waits for PostgreSQL (retried in place, in order) before it goes to the error queue.</summary>
    public TimeSpan DatabaseOutageRetry { get; set; } = TimeSpan.FromMinutes(5);
}
