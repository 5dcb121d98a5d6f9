using VaeFaces.Contracts.Validation;

namespace VaeFaces.Contracts;

/// <summary>
/// The attributes a conditional direction projects out. An attribute named in Named gets exactly those; any other gets
/// the MaxConditions attributes most entangled with it in latent space: whose linear normals have the largest absolute
/// cosine with its own (InterFaceGAN's measure), at least MinCosine. Never aliases (fit-split labels the same or the
/// opposite, |phi| >= AliasCorrelation, which no direction can move apart) nor the members of its exclusive group
/// (hair colours and Bald: one look over several columns).
/// </summary>
public sealed record DirectionConditions
{
    /// <summary>Above this |phi| two attributes are one attribute under two names (No_Beard and Mustache in the synthetic set).</summary>
    public const double AliasCorrelation = 0.95;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Named { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public double MinCosine { get; init; } = 0.1;
    public int MaxConditions { get; init; } = 2;

    /// <summary>By value, Named included, so a command read back from its stored JSON equals the one stored.</summary>
    public bool Equals(DirectionConditions? other) =>
        other is not null && MinCosine.Equals(other.MinCosine) && MaxConditions == other.MaxConditions && Named.Count == other.Named.Count
        && Named.All(n => other.Named.TryGetValue(n.Key, out var conditions) && conditions.SequenceEqual(n.Value));

    public override int GetHashCode() => HashCode.Combine(MinCosine, MaxConditions, Named.Count);

    public void Validate(ParameterErrors errors, string field)
    {
        if (MinCosine is <= 0 or > 1 or double.NaN) errors.Add($"{field}.{nameof(MinCosine)}", $"must be in (0, 1] (got {MinCosine})");
        if (MaxConditions < 1) errors.Add($"{field}.{nameof(MaxConditions)}", $"must be at least 1 (got {MaxConditions})");
        foreach (var (attribute, conditions) in Named ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (conditions is null || conditions.Any(c => string.Equals(c, attribute, StringComparison.OrdinalIgnoreCase)))
                errors.Add($"{field}.{nameof(Named)}", $"'{attribute}' must not be conditioned on itself, nor on nothing (null)");
        }
    }
}
