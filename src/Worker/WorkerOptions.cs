using VaeFaces.Storage;

namespace VaeFaces.Worker;

public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>How this worker names itself in events and manifests: host and process, unique among workers.</summary>
    public string Name { get; set; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Root folder of the local blob store (the embedded default).</summary>
    public string StorageRoot { get; set; } = BlobStores.DefaultRoot;

    /// <summary>Decoded-image cache shared by jobs and processes on this machine.</summary>
    public string CacheDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "vaefaces-cache");

    /// <summary>
    /// Size limit of CacheDirectory in GiB; least recently used entries no running job holds are deleted beyond it.
    /// 20 GiB holds full CelebA decoded at 112 px (7.6 GB) and at 64 px, plus its mirrored JPEGs (1.4 GB).
    /// </summary>
    public double CacheLimitGb { get; set; } = 20;

    /// <summary>Jobs this worker runs at once; a GPU worker takes one at a time.</summary>
    public int ConcurrentJobs { get; set; } = 1;

    /// <summary>
    /// When set, each TrainModel job appends one line per optimizer step to DIR/JOBID.batches.csv (epoch, step, global
    /// step, image rows): an audit of which images every step trained on, kept across resumes.
    /// </summary>
    public string? BatchLogDirectory { get; set; }

    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a running job repeats its progress while nothing new happens; well under the Scheduler's
    /// Scheduler:StaleAfter, after which a silent job's command is sent again.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a redelivered job checks whether the worker running it has finished or died.</summary>
    public TimeSpan LockRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A job whose workers died this many times in a row without progress (killed for memory, say) ends Failed and its
    /// message goes to the error queue, instead of crashing every worker in turn (WorkerDeaths).
    /// </summary>
    public int MaxWorkerDeaths { get; set; } = 3;

    /// <summary>Outputs listed in a job's manifest and JobSucceeded; beyond it a listing blob in the output names them all.</summary>
    public int MaxListedOutputs { get; set; } = 1000;
}
