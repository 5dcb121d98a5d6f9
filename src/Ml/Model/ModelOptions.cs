using VaeFaces.Contracts;

namespace VaeFaces.Ml.Model;

/// <summary>Architecture settings; the defaults are the tutorial's model.</summary>
public sealed record ModelOptions
{
    public int ImageSize { get; init; } = TrainModel.Defaults.ImageSize;
    public int LatentDim { get; init; } = TrainModel.Defaults.LatentDim;
    public int[] EncoderChannels { get; init; } = [32, 32, 64, 64];
    public int[] DecoderChannels { get; init; } = [64, 64, 32, 32];

    /// <summary>Side of the feature map between encoder and decoder: each block halves or doubles it.</summary>
    public int BottleneckSize => ImageSize >> EncoderChannels.Length;

    /// <summary>Values in one RGB image, C*H*W: what the per-pixel losses average over.</summary>
    public int PixelsPerImage => 3 * ImageSize * ImageSize;

    public void Validate()
    {
        if (!TrainModel.ImageSizes.Contains(ImageSize))
            throw new ArgumentException($"ImageSize {ImageSize} is not supported; use one of {string.Join(", ", TrainModel.ImageSizes)}");
        if (LatentDim < 1) throw new ArgumentException($"LatentDim must be positive, got {LatentDim}");
        if (EncoderChannels.Length != DecoderChannels.Length || EncoderChannels.Length == 0)
            throw new ArgumentException("EncoderChannels and DecoderChannels must have the same, non-zero length");
        if (BottleneckSize << EncoderChannels.Length != ImageSize)
            throw new ArgumentException($"ImageSize {ImageSize} is not divisible by 2^{EncoderChannels.Length}");
    }
}
