using TorchSharp;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Evaluation;

/// <summary>
/// How far an edit moved the pixels: per image, the mean absolute difference from the unedited reconstruction over
/// channels and pixels, in [0, 1] units (0.01 is 2.55 grey levels on average). Absolute rather than squared so a small
/// change spread over the whole face (the darkening a combined edit causes) weighs as much as a local one.
/// </summary>
public static class PixelDrift
{
    public static double[] MeanAbsolute(Tensor edited, Tensor reconstruction)
    {
        ImagePairs.Check(edited, reconstruction);
        using var scope = torch.NewDisposeScope();
        var difference = edited.to(float64) - reconstruction.to(float64);
        return ImagePairs.ToArray(difference.abs().mean([1, 2, 3]));
    }
}
