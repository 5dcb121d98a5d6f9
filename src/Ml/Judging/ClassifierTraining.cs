using VaeFaces.Contracts;

namespace VaeFaces.Ml.Judging;

/// <summary>How the judge is trained, from a <see cref="TrainAttributeClassifier"/> (whose defaults are the only ones).</summary>
public sealed record ClassifierTrainingOptions(int Epochs, int BatchSize, double LearningRate, int Seed)
{
    /// <summary>AdamW's decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = 1e-4;

    public static ClassifierTrainingOptions From(TrainAttributeClassifier command) =>
        new(command.Epochs, command.BatchSize, command.LearningRate, command.Seed);

    /// <summary>Cosine decay per epoch from LearningRate towards zero, never quite reaching it.</summary>
    public double LearningRateAt(int epoch) => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * epoch / (Epochs + 1)));
}

public sealed record ClassifierEpoch(int Epoch, double LearningRate, double TrainLoss, int SkippedSteps, double Seconds);

public sealed record ClassifierTrainingResult(AttributeClassifier Model, IReadOnlyList<ClassifierEpoch> History)
{
    public int SkippedSteps => History.Sum(e => e.SkippedSteps);
}
