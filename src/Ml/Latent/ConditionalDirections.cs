namespace VaeFaces.Ml.Latent;

/// <summary>The "conditional" method: an attribute's direction with named correlated attributes' directions projected out.</summary>
public static class ConditionalDirections
{
    /// <param name="set">Directions to take the primary and its conditions from (the linear normals, as in InterFaceGAN).</param>
    /// <returns>The primary's unit direction orthogonal to every condition, under the primary's name and counts.</returns>
    public static AttributeVector Condition(AttributeVectorSet set, string primary, IReadOnlyList<string> conditions)
    {
        var byName = set.Vectors.ToDictionary(v => v.Name, StringComparer.Ordinal);
        AttributeVector Find(string name) => byName.TryGetValue(name, out var v)
            ? v : throw new ArgumentException($"no direction for {name}", nameof(set));
        var main = Find(primary);
        var direction = Directions.Conditional(main.Vector, conditions.Select(c => Find(c).Vector).ToList());
        return main with { Vector = direction, Norm = AttributeVectors.Norm(direction) };
    }
}
