using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Training;

/// <summary>Model holds the weights of the best validation epoch.</summary>
/// <param name="SkippedSteps">Steps skipped for a non-finite loss or gradient, over the whole run.</param>
/// <param name="Rollbacks">Times training went back to its last good checkpoint with the learning rate halved.</param>
public sealed record TrainingResult(
    VariationalAutoencoder Model,
    IReadOnlyList<EpochMetrics> History,
    int BestEpoch,
    bool StoppedEarly,
    TrainingState? ResumedFrom,
    int SkippedSteps,
    int Rollbacks);
