using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>
/// Attribute vectors fitted on the train split by Method and evaluated (ROC AUC) on the test split. Every method's
/// vector is as long as the attribute's mean difference, so magnitude 1 moves a code as far as the average face without
/// the attribute is from the average face with it, whatever the method.
/// </summary>
public sealed record ExtractAttributeVectors : IJobCommand
{
    public required Guid JobId { get; init; }
    public required BlobLocation Model { get; init; }
    public required BlobLocation Dataset { get; init; }
    public required BlobLocation Output { get; init; }
    public string FitSplit { get; init; } = "train";
    public string EvaluationSplit { get; init; } = "test";
    public int MinCount { get; init; } = 20;
    /// <summary>One of <see cref="DirectionMethods.All"/>; the tutorial's mean difference by default.</summary>
    public string Method { get; init; } = DirectionMethods.MeanDifference;
    /// <summary>What the conditional method projects out; ignored by the others.</summary>
    public DirectionConditions Conditions { get; init; } = new();
    public int BatchSize { get; init; } = 128;
    public bool SkipBadImages { get; init; }

    public IEnumerable<(string Field, BlobLocation? Location)> InputLocations() => [(nameof(Model), Model), (nameof(Dataset), Dataset)];

    public void Validate(ParameterErrors errors)
    {
        errors.Location(Model);
        errors.Location(Dataset);
        errors.Split(FitSplit);
        errors.Split(EvaluationSplit);
        if (DatasetSplits.Parse(FitSplit) is { } fit && fit == DatasetSplits.Parse(EvaluationSplit))
            errors.Add(nameof(EvaluationSplit), "must differ from FitSplit: never evaluate on the split the vectors were fitted on");
        errors.AtLeast(MinCount, 1);
        errors.OneOf(Method, DirectionMethods.All);
        if (Conditions is null) errors.Add(nameof(Conditions), "must not be null");
        else Conditions.Validate(errors, nameof(Conditions));
        errors.AtLeast(BatchSize, 1);
        errors.AtMost(BatchSize, JobLimits.BatchSize);
    }
}
