namespace VaeFaces.Ml.Latent;

/// <summary>
/// The "linear" method: each attribute's direction is the unit normal of a logistic regression of its label on z_mean
/// (InterFaceGAN's boundary normal). Attributes are skipped by the same rule as the mean-difference vectors.
/// </summary>
public static class LinearDirections
{
    public static AttributeVectorSet Fit(LatentCodes codes, IReadOnlyList<sbyte[]> attributes, IReadOnlyList<string> names,
        int minCount, double l2 = LogisticRegression.DefaultL2)
    {
        if (attributes.Count != codes.Count)
            throw new ArgumentException($"{attributes.Count} attribute rows for {codes.Count} codes", nameof(attributes));
        var vectors = new List<AttributeVector>();
        var skipped = new List<SkippedAttribute>();
        for (var a = 0; a < names.Count; a++)
        {
            var labels = attributes.Select(row => row[a] > 0).ToArray();
            var positives = labels.Count(l => l);
            var negatives = labels.Length - positives;
            if (AttributeVectors.WhyNoVector(positives, negatives, minCount) is { } reason)
            {
                skipped.Add(new SkippedAttribute(names[a], positives, negatives, reason));
                continue;
            }
            var normal = Directions.Normalise(LogisticRegression.Fit(codes, labels, l2).Weights);
            vectors.Add(new AttributeVector(names[a], normal, positives, negatives, AttributeVectors.Norm(normal)));
        }
        return new AttributeVectorSet(vectors, skipped);
    }
}
