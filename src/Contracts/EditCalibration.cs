using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>
/// Makes an EditImages calibrated: each edit's magnitude becomes its bound, and per image the job searches for the
/// smallest fraction of the bounds at which the judge sees every edit done with at least Probability (an added
/// attribute present, a removed one absent). The output's attribute file then takes the edited attributes from the
/// judge's verdict on each edited image.
/// </summary>
public sealed record EditCalibration
{
    public static IReadOnlyList<string> MissPolicies { get; } = ["keep", "drop"];

    /// <summary>A TrainAttributeClassifier's output.</summary>
    public required BlobLocation Judge { get; init; }
    public double Probability { get; init; } = 0.9;
    /// <summary>How close to the smallest magnitude that reaches the target, as a fraction of the bounds.</summary>
    public double Tolerance { get; init; } = 0.02;
    /// <summary>Images that miss the target within the bounds: "keep" writes them at their best score, labelled as the judge sees them; "drop" leaves them out. Either way they are counted.</summary>
    public string Misses { get; init; } = "keep";

    public void Validate(ParameterErrors errors, string field)
    {
        errors.Location(Judge, $"{field}.{nameof(Judge)}");
        if (Probability is <= 0 or >= 1 or double.NaN) errors.Add($"{field}.{nameof(Probability)}", $"must be between 0 and 1, exclusive (got {Probability})");
        if (Tolerance is <= 0 or > 0.5 or double.NaN) errors.Add($"{field}.{nameof(Tolerance)}", $"must be in (0, 0.5] (got {Tolerance})");
        errors.OneOf(Misses, MissPolicies, $"{field}.{nameof(Misses)}");
    }
}
