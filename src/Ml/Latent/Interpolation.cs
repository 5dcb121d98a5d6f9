namespace VaeFaces.Ml.Latent;

public enum InterpolationKind
{
    /// <summary>Straight line: (1 - t) a + t b.</summary>
    Lerp,
    /// <summary>Along the great circle from a to b, scaled with the vectors; keeps the norm of equal-norm codes, which lerp shrinks midway.</summary>
    Slerp,
}

/// <summary>Paths between two latent codes, for a strip of decoded images.</summary>
public static class Interpolation
{
    /// <summary>Above this cosine slerp divides by a sine near zero, and equals lerp to within rounding anyway.</summary>
    private const double ParallelCosine = 0.9995;

    public static float[] Lerp(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double t)
    {
        SameDim(a, b);
        var result = new float[a.Length];
        for (var i = 0; i < a.Length; i++) result[i] = (float)((1 - t) * a[i] + t * b[i]);
        return result;
    }

    /// <summary>sin((1 - t) w) / sin w * a + sin(t w) / sin w * b, w the angle between a and b; lerp when they are nearly parallel or either is zero.</summary>
    public static float[] Slerp(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double t)
    {
        SameDim(a, b);
        var norms = AttributeVectors.Norm(a) * AttributeVectors.Norm(b);
        var cosine = norms == 0 ? 1 : Math.Clamp(AttributeVectors.Dot(a, b) / norms, -1, 1);
        // Opposite vectors have no unique great circle either: lerp through the origin is as good an answer as any.
        if (Math.Abs(cosine) > ParallelCosine) return Lerp(a, b, t);
        var angle = Math.Acos(cosine);
        var sine = Math.Sin(angle);
        double wa = Math.Sin((1 - t) * angle) / sine, wb = Math.Sin(t * angle) / sine;
        var result = new float[a.Length];
        for (var i = 0; i < a.Length; i++) result[i] = (float)(wa * a[i] + wb * b[i]);
        return result;
    }

    /// <summary>count codes from a to b at t = 0, 1/(count-1), ..., 1, row-major count x dim: the input of LatentDecoder.Decode.</summary>
    public static float[] Path(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int count, InterpolationKind kind)
    {
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(count), count, "a path needs at least its two ends");
        var rows = new float[count * a.Length];
        for (var k = 0; k < count; k++)
        {
            var t = (double)k / (count - 1);
            var row = kind == InterpolationKind.Slerp ? Slerp(a, b, t) : Lerp(a, b, t);
            row.CopyTo(rows, k * a.Length);
        }
        return rows;
    }

    private static void SameDim(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"codes of {a.Length} and {b.Length} dimensions");
    }
}
