using VaeFaces.Ml.Common;
using System.Diagnostics;
using MassTransit;
using VaeFaces.Contracts;

namespace VaeFaces.Worker.Jobs;

/// <summary>
/// Publishes JobProgressed at most every interval (and always at 100%), so a fast loop does not flood the bus; and
/// again every heartbeat while nothing new is reported (a long download or decode), so the Scheduler's sweeper,
/// which re-sends jobs it has not heard of for a while, knows the job is alive.
/// </summary>
public sealed class ProgressPublisher : IProgress<WorkProgress>, IDisposable
{
    private static readonly WorkProgress Starting = new(0, null, "starting", new Dictionary<string, double>());

    private readonly IPublishEndpoint bus;
    private readonly Guid jobId;
    private readonly string kind;
    private readonly TimeSpan interval;
    private readonly Stopwatch sinceLast = Stopwatch.StartNew();
    private readonly Timer heartbeat;
    private WorkProgress last = Starting;
    private bool first = true;

    public ProgressPublisher(IPublishEndpoint bus, Guid jobId, string kind, TimeSpan interval, TimeSpan heartbeatInterval)
    {
        (this.bus, this.jobId, this.kind, this.interval) = (bus, jobId, kind, interval);
        heartbeat = new Timer(_ => Beat(heartbeatInterval), null, heartbeatInterval, heartbeatInterval);
    }

    public void Report(WorkProgress value)
    {
        lock (sinceLast)
        {
            last = value;
            if (!first && value.Fraction < 1 && sinceLast.Elapsed < interval) return;
            first = false;
            Publish(value);
        }
    }

    private void Beat(TimeSpan heartbeatInterval)
    {
        lock (sinceLast)
            if (sinceLast.Elapsed >= heartbeatInterval) Publish(last);
    }

    private void Publish(WorkProgress value)
    {
        sinceLast.Restart();
        // Fire and forget: progress is advisory and must not slow the training loop.
        _ = bus.Publish(new JobProgressed(jobId, kind, value.Fraction, value.Eta, value.Stage, new Dictionary<string, double>(value.Metrics)));
    }

    public void Dispose() => heartbeat.Dispose();
}
