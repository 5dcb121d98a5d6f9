using System.Collections.Concurrent;

namespace VaeFaces.Worker.Jobs;

/// <summary>The jobs this worker process is running (or waiting to run), so a CancelJob reaches every copy it names.</summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<CancellationTokenSource, Guid> running = new();

    /// <summary>A token cancelled by CancelJob or by the given token; dispose the registration when the job ends.</summary>
    public Registration Register(Guid jobId, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        running[source] = jobId;
        return new Registration(this, source);
    }

    /// <summary>True when this process runs the job (it is now being cancelled).</summary>
    public bool Cancel(Guid jobId)
    {
        var found = false;
        foreach (var (source, id) in running)
        {
            if (id != jobId) continue;
            try
            {
                source.Cancel();
                found = true;
            }
            catch (ObjectDisposedException)
            {
                // That copy ended meanwhile.
            }
        }
        return found;
    }

    public sealed class Registration(RunningJobs owner, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            owner.running.TryRemove(source, out _);
            source.Dispose();
        }
    }
}
