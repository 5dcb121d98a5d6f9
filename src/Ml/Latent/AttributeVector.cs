namespace VaeFaces.Ml.Latent;

/// <summary>An attribute's latent direction; Conditions are the attributes a conditional direction was made orthogonal to.</summary>
public sealed record AttributeVector(string Name, float[] Vector, int Positives, int Negatives, double Norm)
{
    public IReadOnlyList<string> Conditions { get; init; } = [];
}

public sealed record SkippedAttribute(string Name, int Positives, int Negatives, string Reason);

public sealed record AttributeVectorSet(IReadOnlyList<AttributeVector> Vectors, IReadOnlyList<SkippedAttribute> Skipped);
