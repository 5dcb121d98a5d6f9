using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>What every job command carries. JobId is the idempotency key: a redelivered or repeated command with the
/// same JobId resumes or reports the earlier result instead of starting over.</summary>
public interface IJobCommand
{
    Guid JobId { get; }

    /// <summary>Where the job writes its artifacts and manifest.json.</summary>
    BlobLocation Output { get; }

    /// <summary>The locations the job reads, by field name: its Output must not overlap any of them.</summary>
    IEnumerable<(string Field, BlobLocation? Location)> InputLocations();

    /// <summary>Adds the problems of this command's own parameters (JobValidator checks JobId and Output).</summary>
    void Validate(ParameterErrors errors);
}
