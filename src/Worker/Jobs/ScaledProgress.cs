using VaeFaces.Ml.Common;
using VaeFaces.Ml.Training;

namespace VaeFaces.Worker.Jobs;

/// <summary>Rescales a stage's fraction into its share [from, to] of the whole job.</summary>
public sealed class ScaledProgress(IProgress<WorkProgress> target, double from, double to) : IProgress<WorkProgress>
{
    public void Report(WorkProgress value) =>
        target.Report(value with { Fraction = from + (to - from) * Math.Clamp(value.Fraction, 0, 1) });
}
