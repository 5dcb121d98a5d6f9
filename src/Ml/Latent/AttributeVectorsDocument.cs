using VaeFaces.Contracts;

namespace VaeFaces.Ml.Latent;

public sealed record AttributeVectorInfo(string Name, int Positives, int Negatives, double Norm, double? TestAuc, int TestPositives, int TestNegatives)
{
    /// <summary>What a conditional direction was made orthogonal to; empty for the other methods.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];
}

public sealed record SkippedAttributeInfo(string Name, int Positives, int Negatives, string Reason);

/// <summary>attribute_vectors.json; attribute_vectors.npy holds the vectors (attributes x Dims, rows in Attributes' order).</summary>
public sealed record AttributeVectorsDocument(int Dims, string FitSplit, string EvaluationSplit, List<AttributeVectorInfo> Attributes, List<SkippedAttributeInfo> Skipped)
{
    /// <summary>One of <see cref="DirectionMethods.All"/>; files written before methods existed hold mean differences.</summary>
    public string Method { get; init; } = DirectionMethods.MeanDifference;

    public const string NpyFile = "attribute_vectors.npy";
    public const string JsonFile = "attribute_vectors.json";

    /// <summary>The vectors of the .npy's matrix by attribute name, case-insensitively.</summary>
    public Dictionary<string, float[]> Rows(float[] matrix) => Attributes
        .Select((a, i) => (a.Name, Vector: matrix.AsSpan(i * Dims, Dims).ToArray()))
        .ToDictionary(x => x.Name, x => x.Vector, StringComparer.OrdinalIgnoreCase);
}
