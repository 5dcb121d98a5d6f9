namespace VaeFaces.Cli.Pipeline;

/// <summary>What the pipeline runs with; the defaults are the tutorial's, the demo overrides a few to finish in minutes.</summary>
public sealed record PipelineSettings
{
    public required string Dataset { get; init; }
    public required string Output { get; init; }
    public int ImageSize { get; init; } = 112;
    public int LatentDim { get; init; } = 200;
    public int Epochs { get; init; } = 20;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 5e-4;
    public string LrSchedule { get; init; } = "exponential";
    public double KlWeight { get; init; } = 0.01;
    public double KlWarmupEpochs { get; init; }
    public int Patience { get; init; } = 3;
    public int CheckpointEverySteps { get; init; } = 200;
    public int Seed { get; init; } = 42;
    public double GradientClipNorm { get; init; }
    public bool SkipBadImages { get; init; }
    public IReadOnlyDictionary<string, double> Edits { get; init; } = new Dictionary<string, double> { ["Smiling"] = 2, ["Eyeglasses"] = 2 };
    public IReadOnlyDictionary<string, double> CombinedEdit { get; init; } =
        new Dictionary<string, double> { ["Male"] = -2, ["Smiling"] = 3, ["Eyeglasses"] = 2 };
}
