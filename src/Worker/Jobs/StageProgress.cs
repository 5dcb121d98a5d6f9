using VaeFaces.Ml.Common;
using System.Diagnostics;
using VaeFaces.Ml.Training;

namespace VaeFaces.Worker.Jobs;

/// <summary>Maps a stage's own 0..1 progress into its share [from, to] of the whole job, with an ETA.</summary>
public sealed class StageProgress(IProgress<WorkProgress> target, string stage, double from, double to) : IProgress<double>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public void Report(double value)
    {
        var fraction = from + (to - from) * Math.Clamp(value, 0, 1);
        TimeSpan? eta = value > 0.01 ? TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / value * (1 - value)) : null;
        target.Report(new WorkProgress(fraction, eta, stage, new Dictionary<string, double>()));
    }
}
