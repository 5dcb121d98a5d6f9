using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>Strips of validation images moved along attribute vectors, and one combined edit like the tutorial's sliders.</summary>
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
    }
}
