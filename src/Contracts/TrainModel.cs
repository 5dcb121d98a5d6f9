namespace VaeFaces.Contracts;

/// <summary>Trains the VAE on the train split of a CelebA-layout dataset, validating on the validation split.</summary>
public sealed record TrainModel : IJobCommand
{
    public required Guid JobId { get; init; }
    public required BlobLocation Dataset { get; init; }
    public required BlobLocation Output { get; init; }
    public int ImageSize { get; init; } = 112;
    public int LatentDim { get; init; } = 200;
    public int Epochs { get; init; } = 20;
    public int BatchSize { get; init; } = 64;
    /// <summary>adam or rmsprop.</summary>
    public string Optimizer { get; init; } = "adam";
    public double LearningRate { get; init; } = 5e-4;
    /// <summary>constant, exponential, step or cosine.</summary>
    public string LrSchedule { get; init; } = "exponential";
    public double LrDecay { get; init; } = 0.95;
    public int LrStepEpochs { get; init; } = 5;
    public double KlWeight { get; init; } = 0.01;
    public double KlWarmupEpochs { get; init; }
    public int EarlyStoppingPatience { get; init; } = 3;
    public int CheckpointEverySteps { get; init; } = 200;
    public int Seed { get; init; } = 42;
    /// <summary>Largest gradient L2 norm before clipping; 0 disables clipping.</summary>
    public double GradientClipNorm { get; init; }
    public bool SkipBadImages { get; init; }
}
