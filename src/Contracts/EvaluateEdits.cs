using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>
/// Measures edits with an independent judge: directions fitted by each of Methods on the fit split, then for images of
/// the evaluation split, each attribute and each magnitude, encode, edit, decode and let the judge say whether the
/// attribute moved (success) and the others stayed (preservation). Also the pixel drift of each edit and the
/// reconstructions' PSNR and SSIM. Writes edit_eval.json, edit_eval.md and PNG plots.
/// </summary>
public sealed record EvaluateEdits : IJobCommand
{
    /// <summary>Every parameter at its default, with no job, inputs or output yet.</summary>
    public static EvaluateEdits Defaults { get; } = new() { JobId = Guid.Empty, Model = new(""), Judge = new(""), Dataset = new(""), Output = new("") };

    public required Guid JobId { get; init; }
    public required BlobLocation Model { get; init; }
    /// <summary>A TrainAttributeClassifier's output.</summary>
    public required BlobLocation Judge { get; init; }
    public required BlobLocation Dataset { get; init; }
    public required BlobLocation Output { get; init; }
    public IReadOnlyList<string> Methods { get; init; } = DirectionMethods.All;
    /// <summary>In units of the distance between the class means (see ExtractAttributeVectors).</summary>
    public IReadOnlyList<double> Magnitudes { get; init; } = [0.5, 1, 1.25, 1.5, 2, 2.5, 3, 4, 4.5, 5, 5.5, 6];
    /// <summary>Attributes to edit; empty means every attribute both judged and fitted.</summary>
    public IReadOnlyList<string> Attributes { get; init; } = [];
    /// <summary>The chosen magnitude of a method is the smallest whose success reaches this; the best method keeps the most among those.</summary>
    public double MinSuccess { get; init; } = 0.9;
    /// <summary>The first this many images of the evaluation split.</summary>
    public int Images { get; init; } = 400;
    public string FitSplit { get; init; } = "train";
    public string EvaluationSplit { get; init; } = "test";
    public int MinCount { get; init; } = 20;
    public DirectionConditions Conditions { get; init; } = new();
    public int BatchSize { get; init; } = 128;
    public bool SkipBadImages { get; init; }

    public IEnumerable<(string Field, BlobLocation? Location)> InputLocations() =>
        [(nameof(Model), Model), (nameof(Judge), Judge), (nameof(Dataset), Dataset)];

    public void Validate(ParameterErrors errors)
    {
        errors.Location(Model);
        errors.Location(Judge);
        errors.Location(Dataset);
        errors.NotEmpty(Methods, "must name at least one method");
        foreach (var method in Methods ?? []) errors.OneOf(method, DirectionMethods.All, nameof(Methods));
        errors.NotEmpty(Magnitudes, "must not be empty");
        if (Magnitudes?.Count > JobLimits.ExploreMagnitudes) errors.Add(nameof(Magnitudes), $"must hold at most {JobLimits.ExploreMagnitudes} values (got {Magnitudes.Count})");
        errors.Magnitudes(Magnitudes);
        if (Magnitudes?.Any(m => m <= 0) == true) errors.Add(nameof(Magnitudes), "must be positive: each image is edited towards the other side of its own state");
        errors.Fraction(MinSuccess);
        errors.Between(Images, 1, JobLimits.EvaluatedImages);
        errors.Split(FitSplit);
        errors.Split(EvaluationSplit);
        if (DatasetSplits.Parse(FitSplit) is { } fit && fit == DatasetSplits.Parse(EvaluationSplit))
            errors.Add(nameof(EvaluationSplit), "must differ from FitSplit: never evaluate on the split the directions were fitted on");
        errors.AtLeast(MinCount, 1);
        if (Conditions is null) errors.Add(nameof(Conditions), "must not be null");
        else Conditions.Validate(errors, nameof(Conditions));
        errors.AtLeast(BatchSize, 1);
        errors.AtMost(BatchSize, JobLimits.BatchSize);
    }
}
