using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Training;

/// <summary>Model holds the weights of the best validation epoch.</summary>
public sealed record TrainingResult(
    VariationalAutoencoder Model,
    IReadOnlyList<EpochMetrics> History,
    int BestEpoch,
    bool StoppedEarly,
    TrainingState? ResumedFrom);
