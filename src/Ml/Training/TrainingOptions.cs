using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Training;

public enum LearningRateSchedule
{
    Constant,
    Exponential,
    Step,
    Cosine,
}

public enum OptimizerKind
{
    Adam,
    RmsProp,
}

/// <summary>Training settings; the defaults are the tutorial's.</summary>
public sealed record TrainingOptions
{
    public ModelOptions Model { get; init; } = new();
    public int Epochs { get; init; } = 20;
    public int BatchSize { get; init; } = 64;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double LearningRate { get; init; } = 5e-4;
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Exponential;
    /// <summary>Factor per epoch (Exponential) or per LrStepEpochs (Step).</summary>
    public double LrDecay { get; init; } = 0.95;
    public int LrStepEpochs { get; init; } = 5;
    public double KlWeight { get; init; } = 0.01;
    /// <summary>Epochs over which the KL weight ramps linearly from 0; 0 disables the warm-up.</summary>
    public double KlWarmupEpochs { get; init; }
    /// <summary>Epochs without a better validation reconstruction loss before stopping; 0 disables early stopping.</summary>
    public int EarlyStoppingPatience { get; init; } = 3;
    public int CheckpointEverySteps { get; init; } = 200;
    public int Seed { get; init; } = 42;
    /// <summary>Largest gradient L2 norm before clipping; 0 disables clipping.</summary>
    public double GradientClipNorm { get; init; }
    /// <summary>Non-finite steps in a row that trigger a rollback to the last good checkpoint with the learning rate halved.</summary>
    public int MaxBadStepsInARow { get; init; } = 5;
    /// <summary>Rollbacks allowed before the job fails as diverged.</summary>
    public int MaxRollbacks { get; init; } = 3;

    public double LearningRateAt(int epoch) => Schedule switch
    {
        LearningRateSchedule.Constant => LearningRate,
        LearningRateSchedule.Exponential => LearningRate * Math.Pow(LrDecay, epoch),
        LearningRateSchedule.Step => LearningRate * Math.Pow(LrDecay, epoch / Math.Max(1, LrStepEpochs)),
        LearningRateSchedule.Cosine => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * epoch / Math.Max(1, Epochs))),
        _ => throw new ArgumentOutOfRangeException(nameof(Schedule), Schedule, null),
    };

    public double KlWeightAt(double epochsDone) =>
        KlWarmupEpochs <= 0 ? KlWeight : KlWeight * Math.Min(1.0, epochsDone / KlWarmupEpochs);

    public IEnumerable<string> Problems()
    {
        if (Epochs < 1) yield return $"Epochs must be at least 1 (got {Epochs})";
        if (BatchSize < 1) yield return $"BatchSize must be at least 1 (got {BatchSize})";
        if (LearningRate is <= 0 or > 1) yield return $"LearningRate must be in (0, 1] (got {LearningRate})";
        if (LrDecay is <= 0 or > 1) yield return $"LrDecay must be in (0, 1] (got {LrDecay})";
        if (KlWeight < 0) yield return $"KlWeight must not be negative (got {KlWeight})";
        if (GradientClipNorm < 0) yield return $"GradientClipNorm must not be negative (got {GradientClipNorm})";
        if (MaxBadStepsInARow < 1) yield return $"MaxBadStepsInARow must be at least 1 (got {MaxBadStepsInARow})";
        if (MaxRollbacks < 0) yield return $"MaxRollbacks must not be negative (got {MaxRollbacks})";
        if (CheckpointEverySteps < 1) yield return $"CheckpointEverySteps must be at least 1 (got {CheckpointEverySteps})";
        if (!ModelOptions.SupportedImageSizes.Contains(Model.ImageSize))
            yield return $"ImageSize must be one of {string.Join(", ", ModelOptions.SupportedImageSizes)} (got {Model.ImageSize})";
        if (Model.LatentDim < 1) yield return $"LatentDim must be at least 1 (got {Model.LatentDim})";
    }
}
