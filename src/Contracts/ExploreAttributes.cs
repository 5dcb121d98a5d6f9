using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>
/// Strips of validation images moved along attribute vectors, one combined edit like the tutorial's sliders, and lerp
/// and slerp paths between pairs of other validation images.
/// </summary>
public sealed record ExploreAttributes : IJobCommand
{
    public required Guid JobId { get; init; }
    public required BlobLocation Model { get; init; }
    public required BlobLocation Vectors { get; init; }
    public required BlobLocation Dataset { get; init; }
    public required BlobLocation Output { get; init; }
    /// <summary>Attributes to explore; empty means every fitted vector.</summary>
    public IReadOnlyList<string> Attributes { get; init; } = [];
    public IReadOnlyList<double> Magnitudes { get; init; } = [-3, -2, -1, 0, 1, 2, 3];
    public int Images { get; init; } = 3;
    public IReadOnlyDictionary<string, double> CombinedEdit { get; init; } =
        new Dictionary<string, double> { ["Male"] = -2, ["Smiling"] = 3, ["Eyeglasses"] = 2 };
    /// <summary>Images per interpolation path, both ends included; 0 draws no interpolation strip.</summary>
    public int InterpolationSteps { get; init; } = 9;
    /// <summary>Pairs of validation images to interpolate between, taken after the explored images.</summary>
    public int InterpolationPairs { get; init; } = 2;

    public IEnumerable<(string Field, BlobLocation? Location)> InputLocations() => [(nameof(Model), Model), (nameof(Vectors), Vectors), (nameof(Dataset), Dataset)];

    public void Validate(ParameterErrors errors)
    {
        errors.Location(Model);
        errors.Location(Vectors);
        errors.Location(Dataset);
        errors.Between(Images, 1, JobLimits.ExploreImages);
        errors.NotEmpty(Magnitudes, "must not be empty");
        if (Magnitudes?.Count > JobLimits.ExploreMagnitudes) errors.Add(nameof(Magnitudes), $"must hold at most {JobLimits.ExploreMagnitudes} values (got {Magnitudes.Count})");
        errors.Magnitudes(Magnitudes);
        errors.Magnitudes(CombinedEdit?.Values, nameof(CombinedEdit));
        // One step would be a path without its far end.
        if (InterpolationSteps != 0 && (InterpolationSteps < 2 || InterpolationSteps > JobLimits.ExploreMagnitudes))
            errors.Add(nameof(InterpolationSteps), $"must be 0 (no interpolation strip) or between 2 and {JobLimits.ExploreMagnitudes} (got {InterpolationSteps})");
        errors.Between(InterpolationPairs, 1, JobLimits.ExploreImages);
    }
}
