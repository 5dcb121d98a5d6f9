using VaeFaces.Contracts;
using VaeFaces.Ml.Data;

namespace VaeFaces.Ml.Latent;

public enum DirectionMethod
{
    MeanDifference,
    Linear,
    Conditional,
}

/// <summary>
/// Fits every attribute's direction by one of <see cref="DirectionMethods"/>, on codes and labels of one split. Every
/// direction is as long as the attribute's mean difference (the distance between the class means), so one magnitude
/// moves a code equally far whatever the method, and methods compare by direction alone.
/// </summary>
public static class AttributeDirections
{
    public static DirectionMethod Parse(string name) => name.ToLowerInvariant() switch
    {
        DirectionMethods.MeanDifference => DirectionMethod.MeanDifference,
        DirectionMethods.Linear => DirectionMethod.Linear,
        DirectionMethods.Conditional => DirectionMethod.Conditional,
        _ => throw new ArgumentException($"'{name}' is not one of {string.Join(", ", DirectionMethods.All)}", nameof(name)),
    };

    public static string Name(DirectionMethod method) => DirectionMethods.All[(int)method];

    /// <param name="conditions">For the conditional method: which attributes to project out (by default, the most entangled).</param>
    public static AttributeVectorSet Fit(DirectionMethod method, LatentCodes codes, IReadOnlyList<sbyte[]> attributes,
        IReadOnlyList<string> names, int minCount, DirectionConditions? conditions = null)
    {
        if (method == DirectionMethod.MeanDifference) return AttributeVectors.Fit(codes, attributes, names, minCount);
        var normals = LinearDirections.Fit(codes, attributes, names, minCount);
        var lengths = AttributeVectors.Fit(codes, attributes, names, minCount).Vectors.ToDictionary(v => v.Name, v => v.Norm);
        var vectors = new List<AttributeVector>();
        var skipped = normals.Skipped.ToList();
        LabelCorrelations? correlations = null;
        foreach (var normal in normals.Vectors)
        {
            var unit = normal;
            if (method == DirectionMethod.Conditional)
            {
                var wanted = ConditionsOf(normal, normals, conditions ?? new DirectionConditions(), correlations ??= new LabelCorrelations(attributes, names));
                // Conditions without a direction of their own (too few positives) cannot be projected out.
                var fitted = wanted.Select(c => normals.Vectors.FirstOrDefault(v => string.Equals(v.Name, c, StringComparison.OrdinalIgnoreCase))?.Name)
                    .OfType<string>().ToList();
                try
                {
                    unit = ConditionalDirections.Condition(normals, normal.Name, fitted) with { Conditions = fitted };
                }
                catch (ArgumentException)
                {
                    skipped.Add(new SkippedAttribute(normal.Name, normal.Positives, normal.Negatives,
                        $"its direction lies in the span of its conditions ({string.Join(", ", fitted)})"));
                    continue;
                }
            }
            var labels = attributes.Select(row => row[names.IndexOf(normal.Name)] > 0).ToArray();
            var gap = ClassMeanGap(codes, labels, unit.Vector);
            if (!(gap > 0))
            {
                skipped.Add(new SkippedAttribute(normal.Name, normal.Positives, normal.Negatives,
                    "the class means do not differ along its direction"));
                continue;
            }
            var scaled = unit.Vector.Select(v => (float)(v * lengths[normal.Name])).ToArray();
            vectors.Add(unit with { Vector = scaled, Norm = AttributeVectors.Norm(scaled) });
        }
        return new AttributeVectorSet(vectors, skipped);
    }

    /// <summary>(mean of the positives' codes - mean of the negatives') . direction.</summary>
    public static double ClassMeanGap(LatentCodes codes, IReadOnlyList<bool> labels, ReadOnlySpan<float> direction)
    {
        double positive = 0, negative = 0;
        int positives = 0;
        for (var n = 0; n < codes.Count; n++)
        {
            var projection = AttributeVectors.Dot(codes.MeanRow(n), direction);
            if (labels[n]) { positive += projection; positives++; }
            else negative += projection;
        }
        var negatives = codes.Count - positives;
        if (positives == 0 || negatives == 0) throw new ArgumentException("both classes are needed", nameof(labels));
        return positive / positives - negative / negatives;
    }

    private static int IndexOf(this IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++) if (names[i] == name) return i;
        throw new ArgumentException($"no attribute named {name}", nameof(name));
    }

    /// <summary>An attribute's conditions by the rule of <see cref="DirectionConditions"/>: the named ones, else the most entangled normals.</summary>
    public static IReadOnlyList<string> ConditionsOf(AttributeVector normal, AttributeVectorSet normals, DirectionConditions settings,
        LabelCorrelations correlations)
    {
        var named = settings.Named.FirstOrDefault(n => string.Equals(n.Key, normal.Name, StringComparison.OrdinalIgnoreCase)).Value;
        if (named is not null) return named;
        var unrelated = correlations.Aliases(normal.Name, DirectionConditions.AliasCorrelation)
            .Concat(CelebAAttributes.ExclusiveWith(normal.Name)).Append(normal.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unit = Directions.Normalise(normal.Vector);
        return normals.Vectors.Where(v => !unrelated.Contains(v.Name))
            .Select(v => (v.Name, Cosine: Math.Abs(AttributeVectors.Dot(unit, Directions.Normalise(v.Vector)))))
            .Where(x => x.Cosine >= settings.MinCosine).OrderByDescending(x => x.Cosine).Take(settings.MaxConditions)
            .Select(x => x.Name).ToList();
    }
}
