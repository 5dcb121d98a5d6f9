using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>
/// The attributes a conditional direction projects out. An attribute named in Named gets exactly those; any other gets
/// the MaxConditions attributes whose fit-split labels correlate most with its own, by at least MinCorrelation (absolute
/// phi coefficient), except aliases (labels (nearly) the same or the opposite, which no direction can move apart) and
/// the members of its exclusive group (hair colours and Bald: one look over several columns).
/// </summary>
public sealed record DirectionConditions
{
    /// <summary>Above this |phi| two attributes are one attribute under two names (No_Beard and Mustache in the synthetic set).</summary>
    public const double AliasCorrelation = 0.95;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Named { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public double MinCorrelation { get; init; } = 0.2;
    public int MaxConditions { get; init; } = 2;

    public void Validate(ParameterErrors errors, string field)
    {
        if (MinCorrelation is <= 0 or > 1 or double.NaN) errors.Add($"{field}.{nameof(MinCorrelation)}", $"must be in (0, 1] (got {MinCorrelation})");
        if (MaxConditions < 1) errors.Add($"{field}.{nameof(MaxConditions)}", $"must be at least 1 (got {MaxConditions})");
        foreach (var (attribute, conditions) in Named ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (conditions is null || conditions.Any(c => string.Equals(c, attribute, StringComparison.OrdinalIgnoreCase)))
                errors.Add($"{field}.{nameof(Named)}", $"'{attribute}' must not be conditioned on itself, nor on nothing (null)");
        }
    }
}
