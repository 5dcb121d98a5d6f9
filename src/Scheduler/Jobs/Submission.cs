namespace VaeFaces.Scheduler.Jobs;

/// <summary>What a submission did.</summary>
public enum Submission
{
    /// <summary>A new job, recorded with its command in the outbox.</summary>
    Recorded,

    /// <summary>The same job again, still queued: its command is sent again (a lost copy is replaced; workers run a JobId once).</summary>
    Resent,

    /// <summary>The same job again, already running or ended: nothing to do.</summary>
    Existing,

    /// <summary>Another job (kind or parameters differ) under a JobId that is taken: nothing recorded or sent.</summary>
    Conflict,
}
