using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>Bulk edit (dataset augmentation): every image under Input is encoded, moved along the attribute vectors by
/// the given magnitudes (or, calibrated, as far as the judge needs up to them), decoded and written under Output with
/// the same name, as a trainable CelebA-layout dataset.</summary>
public sealed record EditImages : IJobCommand
{
    public required Guid JobId { get; init; }
    public required BlobLocation Model { get; init; }
    public required BlobLocation Vectors { get; init; }
    public required BlobLocation Input { get; init; }
    public required BlobLocation Output { get; init; }
    public required IReadOnlyDictionary<string, double> Edits { get; init; }
    /// <summary>Only images of this split (train, validation, test) when the input has a partition file; null for all.</summary>
    public string? Split { get; init; }
    public int BatchSize { get; init; } = 64;
    public int JpegQuality { get; init; } = 92;
    public bool SkipBadImages { get; init; }
    /// <summary>Null: every image is moved by exactly Edits. Set: Edits are bounds and the judge decides how far each image goes.</summary>
    public EditCalibration? Calibration { get; init; }

    public IEnumerable<(string Field, BlobLocation? Location)> InputLocations() =>
    [
        (nameof(Model), Model), (nameof(Vectors), Vectors), (nameof(Input), Input),
        .. Calibration is null ? [] : new[] { ($"{nameof(Calibration)}.{nameof(Calibration.Judge)}", (BlobLocation?)Calibration.Judge) },
    ];

    public void Validate(ParameterErrors errors)
    {
        errors.Location(Model);
        errors.Location(Vectors);
        errors.Location(Input);
        errors.NotEmpty(Edits, "must name at least one attribute and magnitude");
        errors.Magnitudes(Edits?.Values, nameof(Edits));
        if (Split is not null) errors.Split(Split);
        errors.AtLeast(BatchSize, 1);
        errors.AtMost(BatchSize, JobLimits.BatchSize);
        errors.Between(JpegQuality, 1, 100);
        Calibration?.Validate(errors, nameof(Calibration));
        if (Calibration is not null && Edits?.Values.Any(v => v == 0) == true)
            errors.Add(nameof(Edits), "a calibrated edit needs a non-zero bound for every attribute: its sign says add or remove");
    }
}
