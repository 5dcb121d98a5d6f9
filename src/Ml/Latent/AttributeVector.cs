namespace VaeFaces.Ml.Latent;

public sealed record AttributeVector(string Name, float[] Vector, int Positives, int Negatives, double Norm);

public sealed record SkippedAttribute(string Name, int Positives, int Negatives, string Reason);

public sealed record AttributeVectorSet(IReadOnlyList<AttributeVector> Vectors, IReadOnlyList<SkippedAttribute> Skipped);
