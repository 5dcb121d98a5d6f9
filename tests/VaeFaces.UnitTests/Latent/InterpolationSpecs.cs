using VaeFaces.Ml.Latent;

namespace VaeFaces.UnitTests.Latent;

public class InterpolationSpecs
{
    [Fact]
    public void Slerp_of_orthogonal_unit_vectors_at_the_midpoint_is_their_sum_over_root_two()
    {
        var mid = Interpolation.Slerp([1, 0, 0], [0, 1, 0], 0.5);

        var r = (float)(1 / Math.Sqrt(2));
        Assert.Equal([r, r, 0f], mid.Select(v => MathF.Round(v, 6)).ToArray(), Rounded);
    }

    [Fact]
    public void Slerp_moves_at_constant_angular_speed()
    {
        // A third of the way from x to y on the unit circle: angle 30 degrees.
        var third = Interpolation.Slerp([1, 0], [0, 1], 1.0 / 3);

        Assert.Equal([MathF.Sqrt(3) / 2, 0.5f], third, Rounded);
    }

    [Fact]
    public void Slerp_and_lerp_end_at_their_endpoints()
    {
        float[] a = [1, 2, -1], b = [-2, 0.5f, 3];
        Assert.Equal(a, Interpolation.Slerp(a, b, 0), Rounded);
        Assert.Equal(b, Interpolation.Slerp(a, b, 1), Rounded);
        Assert.Equal(a, Interpolation.Lerp(a, b, 0));
        Assert.Equal(b, Interpolation.Lerp(a, b, 1));
    }

    [Fact]
    public void Lerp_is_the_weighted_average()
    {
        Assert.Equal([1.5f, 3f], Interpolation.Lerp([1, 4], [3, 0], 0.25));
    }

    [Fact]
    public void Slerp_of_nearly_parallel_vectors_is_lerp()
    {
        float[] a = [1, 0], b = [2, 0.001f];

        Assert.Equal(Interpolation.Lerp(a, b, 0.4), Interpolation.Slerp(a, b, 0.4));
    }

    [Fact]
    public void A_path_has_count_rows_from_a_to_b()
    {
        var path = Interpolation.Path([0, 2], [2, 0], 3, InterpolationKind.Lerp);

        Assert.Equal([0f, 2f, 1f, 1f, 2f, 0f], path);
        var arc = Interpolation.Path([0, 2], [2, 0], 3, InterpolationKind.Slerp);
        Assert.Equal([0f, 2f, MathF.Sqrt(2), MathF.Sqrt(2), 2f, 0f], arc, Rounded);
    }

    private static readonly IEqualityComparer<float> Rounded =
        EqualityComparer<float>.Create((x, y) => Math.Abs(x - y) < 1e-6f, _ => 0);
}
