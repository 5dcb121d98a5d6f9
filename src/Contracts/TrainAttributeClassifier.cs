using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>
/// Trains the judge: a small CNN attribute classifier, independent of any VAE, on the fit split's images and labels
/// (train), and measures per-attribute accuracy and ROC AUC on the evaluation split (test). EvaluateEdits and
/// calibrated EditImages score edited images with it.
/// </summary>
public sealed record TrainAttributeClassifier : IJobCommand
{
    /// <summary>Every parameter at its default, with no job, dataset or output yet.</summary>
    public static TrainAttributeClassifier Defaults { get; } = new() { JobId = Guid.Empty, Dataset = new(""), Output = new("") };

    public required Guid JobId { get; init; }
    public required BlobLocation Dataset { get; init; }
    public required BlobLocation Output { get; init; }
    /// <summary>The judge's input side, one of <see cref="TrainModel.ImageSizes"/>; images of another size are resized when scored.</summary>
    public int ImageSize { get; init; } = 64;
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 64;
    public double LearningRate { get; init; } = 2e-3;
    public string FitSplit { get; init; } = "train";
    public string EvaluationSplit { get; init; } = "test";
    /// <summary>Attributes with fewer positives or negatives than this in the fit split are skipped, as ExtractAttributeVectors does.</summary>
    public int MinCount { get; init; } = 20;
    public int Seed { get; init; } = 42;
    public bool SkipBadImages { get; init; }

    public IEnumerable<(string Field, BlobLocation? Location)> InputLocations() => [(nameof(Dataset), Dataset)];

    public void Validate(ParameterErrors errors)
    {
        errors.Location(Dataset);
        errors.OneOf(ImageSize, TrainModel.ImageSizes);
        errors.AtLeast(Epochs, 1);
        errors.AtMost(Epochs, JobLimits.Epochs);
        errors.AtLeast(BatchSize, 1);
        errors.AtMost(BatchSize, JobLimits.BatchSize);
        errors.Fraction(LearningRate);
        errors.Split(FitSplit);
        errors.Split(EvaluationSplit);
        if (DatasetSplits.Parse(FitSplit) is { } fit && fit == DatasetSplits.Parse(EvaluationSplit))
            errors.Add(nameof(EvaluationSplit), "must differ from FitSplit: never evaluate the judge on the split it was trained on");
        errors.AtLeast(MinCount, 1);
    }
}
