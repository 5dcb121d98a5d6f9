using System.Collections.Concurrent;

namespace VaeFaces.Worker.Jobs;

/// <summary>The jobs this worker process is running, so a CancelJob can reach the one it names.</summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> running = new();

    /// <summary>A token cancelled by CancelJob or by the consume token; dispose the registration when the job ends.</summary>
    public Registration Register(Guid jobId, CancellationToken consumeToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(consumeToken);
        running[jobId] = source;
        return new Registration(this, jobId, source);
    }

    /// <summary>True when this process runs the job (it is now being cancelled).</summary>
    public bool Cancel(Guid jobId)
    {
        if (!running.TryGetValue(jobId, out var source)) return false;
        source.Cancel();
        return true;
    }

    public sealed class Registration(RunningJobs owner, Guid jobId, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            owner.running.TryRemove(new KeyValuePair<Guid, CancellationTokenSource>(jobId, source));
            source.Dispose();
        }
    }
}
