namespace VaeFaces.Ml.Latent;

/// <summary>Attribute vector = mean z_mean of images with the attribute minus mean z_mean of images without it.</summary>
public static class AttributeVectors
{
    public static AttributeVectorSet Fit(LatentCodes codes, IReadOnlyList<sbyte[]> attributes, IReadOnlyList<string> names, int minCount)
    {
        if (attributes.Count != codes.Count)
            throw new ArgumentException($"{attributes.Count} attribute rows for {codes.Count} codes", nameof(attributes));
        var vectors = new List<AttributeVector>();
        var skipped = new List<SkippedAttribute>();
        for (var a = 0; a < names.Count; a++)
        {
            var positive = new double[codes.Dim];
            var negative = new double[codes.Dim];
            int positives = 0, negatives = 0;
            for (var n = 0; n < codes.Count; n++)
            {
                var isPositive = attributes[n][a] > 0;
                var target = isPositive ? positive : negative;
                if (isPositive) positives++; else negatives++;
                var row = codes.MeanRow(n);
                for (var d = 0; d < codes.Dim; d++) target[d] += row[d];
            }
            if (WhyNoVector(positives, negatives, minCount) is { } reason)
            {
                skipped.Add(new SkippedAttribute(names[a], positives, negatives, reason));
                continue;
            }
            var vector = new float[codes.Dim];
            for (var d = 0; d < codes.Dim; d++) vector[d] = (float)(positive[d] / positives - negative[d] / negatives);
            vectors.Add(new AttributeVector(names[a], vector, positives, negatives, Norm(vector)));
        }
        return new AttributeVectorSet(vectors, skipped);
    }

    /// <summary>Why an attribute with these counts gets no vector, or null when it gets one.</summary>
    public static string? WhyNoVector(int positives, int negatives, int minCount) =>
        positives < minCount || negatives < minCount ? $"needs at least {minCount} positives and {minCount} negatives" : null;

    /// <summary>
    /// The attributes that <see cref="Fit"/> would skip on these rows, by the same rule, from the labels alone: a pipeline
    /// checks its edits with it before training (bad images skipped later can only lower the counts).
    /// </summary>
    public static IReadOnlyList<SkippedAttribute> Unfittable(IReadOnlyList<sbyte[]> attributes, IReadOnlyList<string> names, int minCount)
    {
        var skipped = new List<SkippedAttribute>();
        for (var a = 0; a < names.Count; a++)
        {
            var positives = attributes.Count(row => row[a] > 0);
            var negatives = attributes.Count - positives;
            if (WhyNoVector(positives, negatives, minCount) is { } reason) skipped.Add(new SkippedAttribute(names[a], positives, negatives, reason));
        }
        return skipped;
    }

    public static double Norm(ReadOnlySpan<float> vector)
    {
        double sum = 0;
        foreach (var v in vector) sum += (double)v * v;
        return Math.Sqrt(sum);
    }

    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += (double)a[i] * b[i];
        return sum;
    }
}
