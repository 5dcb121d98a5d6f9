using VaeFaces.Ml.Common;
using System.Diagnostics;
using MassTransit;
using VaeFaces.Contracts;
using VaeFaces.Ml.Training;

namespace VaeFaces.Worker.Jobs;

/// <summary>Publishes JobProgressed at most every interval (and always at 100%), so a fast loop does not flood the bus.</summary>
public sealed class ProgressPublisher(IPublishEndpoint bus, Guid jobId, string kind, TimeSpan interval) : IProgress<WorkProgress>
{
    private readonly Stopwatch sinceLast = Stopwatch.StartNew();
    private bool first = true;

    public void Report(WorkProgress value)
    {
        if (!first && value.Fraction < 1 && sinceLast.Elapsed < interval) return;
        first = false;
        sinceLast.Restart();
        // Fire and forget: progress is advisory and must not slow the training loop.
        _ = bus.Publish(new JobProgressed(jobId, kind, value.Fraction, value.Eta, value.Stage,
            new Dictionary<string, double>(value.Metrics)));
    }
}
