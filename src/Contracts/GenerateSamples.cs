using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>Seeded sample grids: from N(0, 1) and from the sampling trick with per-dimension mean and spread.</summary>
public sealed record GenerateSamples : IJobCommand
{
    public required Guid JobId { get; init; }
    public required BlobLocation Model { get; init; }
    public required BlobLocation Statistics { get; init; }
    public required BlobLocation Output { get; init; }
    public int Count { get; init; } = 64;
    public int Seed { get; init; } = 7;

    public IEnumerable<(string Field, BlobLocation? Location)> InputLocations() => [(nameof(Model), Model), (nameof(Statistics), Statistics)];

    public void Validate(ParameterErrors errors)
    {
        errors.Location(Model);
        errors.Location(Statistics);
        errors.Between(Count, 1, JobLimits.Samples);
    }
}
