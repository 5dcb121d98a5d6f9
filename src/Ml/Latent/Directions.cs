namespace VaeFaces.Ml.Latent;

/// <summary>Vector maths on latent directions, in double precision.</summary>
public static class Directions
{
    /// <summary>The vector scaled to unit length.</summary>
    public static float[] Normalise(ReadOnlySpan<float> vector)
    {
        var norm = AttributeVectors.Norm(vector);
        if (norm == 0 || !double.IsFinite(norm)) throw new ArgumentException("a zero or non-finite vector has no direction", nameof(vector));
        var result = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++) result[i] = (float)(vector[i] / norm);
        return result;
    }

    /// <summary>
    /// InterFaceGAN's conditional direction: primary with its components along every condition removed, renormalised.
    /// Moving along it changes the primary attribute's score and, to first order, none of the conditions' scores.
    /// </summary>
    /// <exception cref="ArgumentException">primary lies in the span of the conditions, so nothing is left of it.</exception>
    public static float[] Conditional(ReadOnlySpan<float> primary, IReadOnlyList<float[]> conditions)
    {
        var basis = Orthonormal(conditions, primary.Length);
        var result = ToDouble(primary);
        var before = Norm(result);
        // Projected twice ("twice is enough"): one pass of Gram-Schmidt leaves rounding error along nearly parallel conditions.
        for (var pass = 0; pass < 2; pass++)
            foreach (var b in basis) Subtract(result, b, Dot(result, b));
        var after = Norm(result);
        if (after <= 1e-6 * before) throw new ArgumentException("the primary direction lies in the span of its conditions", nameof(primary));
        return result.Select(v => (float)(v / after)).ToArray();
    }

    /// <summary>An orthonormal basis of the conditions' span (modified Gram-Schmidt); a condition already in the span of earlier ones adds nothing.</summary>
    private static List<double[]> Orthonormal(IReadOnlyList<float[]> conditions, int dim)
    {
        var basis = new List<double[]>();
        foreach (var condition in conditions)
        {
            if (condition.Length != dim) throw new ArgumentException($"a condition has {condition.Length} dimensions, the primary {dim}", nameof(conditions));
            var v = ToDouble(condition);
            var norm = Norm(v);
            for (var pass = 0; pass < 2; pass++)
                foreach (var b in basis) Subtract(v, b, Dot(v, b));
            var left = Norm(v);
            if (left <= 1e-8 * norm) continue;
            for (var i = 0; i < dim; i++) v[i] /= left;
            basis.Add(v);
        }
        return basis;
    }

    private static double[] ToDouble(ReadOnlySpan<float> vector)
    {
        var result = new double[vector.Length];
        for (var i = 0; i < vector.Length; i++) result[i] = vector[i];
        return result;
    }

    private static void Subtract(double[] v, double[] b, double amount)
    {
        for (var i = 0; i < v.Length; i++) v[i] -= amount * b[i];
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Norm(double[] v) => Math.Sqrt(Dot(v, v));
}
