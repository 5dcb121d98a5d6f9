using static TorchSharp.torch;

namespace VaeFaces.Ml.Evaluation;

internal static class ImagePairs
{
    /// <summary>Both [N, C, H, W] and the same shape: every image metric compares image n of one with image n of the other.</summary>
    public static void Check(Tensor a, Tensor b)
    {
        if (a.dim() != 4 || !a.shape.SequenceEqual(b.shape))
            throw new ArgumentException($"images must be two [N, C, H, W] tensors of one shape, not [{string.Join(", ", a.shape)}] and [{string.Join(", ", b.shape)}]");
    }

    /// <summary>Per-image values of a [N] tensor, copied out before the caller's dispose scope frees it.</summary>
    public static double[] ToArray(Tensor perImage) => perImage.to(float64).cpu().data<double>().ToArray();
}
