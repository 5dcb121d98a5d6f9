using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>One full encoder pass over a split (train by default): per-dimension mean of z_mean and mean std.</summary>
public sealed record ComputeLatentStatistics : IJobCommand
{
    public required Guid JobId { get; init; }
    public required BlobLocation Model { get; init; }
    public required BlobLocation Dataset { get; init; }
    public required BlobLocation Output { get; init; }
    /// <summary>train, validation or test.</summary>
    public string Split { get; init; } = "train";
    public int BatchSize { get; init; } = 128;
    public bool SkipBadImages { get; init; }

    public IEnumerable<(string Field, BlobLocation? Location)> InputLocations() => [(nameof(Model), Model), (nameof(Dataset), Dataset)];

    public void Validate(ParameterErrors errors)
    {
        errors.Location(Model);
        errors.Location(Dataset);
        errors.Split(Split);
        errors.AtLeast(BatchSize, 1);
        errors.AtMost(BatchSize, JobLimits.BatchSize);
    }
}
