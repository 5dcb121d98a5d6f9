using VaeFaces.Contracts;

namespace VaeFaces.Ml.Judging;

/// <summary>The judge's architecture and what it predicts, saved beside its weights (<see cref="JudgeFile"/>).</summary>
public sealed record AttributeClassifierOptions
{
    public int ImageSize { get; init; } = TrainAttributeClassifier.Defaults.ImageSize;
    /// <summary>One logit per attribute, in this order.</summary>
    public string[] Attributes { get; init; } = [];
    /// <summary>Channels of the stride-2 conv blocks; each halves the side.</summary>
    public int[] Channels { get; init; } = [32, 64, 128, 256];
    /// <summary>The side the last feature map is average-pooled to before the linear head, whatever the input size.</summary>
    public int PooledSize { get; init; } = 4;
    public double Dropout { get; init; } = 0.25;

    public void Validate()
    {
        if (!TrainModel.ImageSizes.Contains(ImageSize))
            throw new ArgumentException($"ImageSize {ImageSize} is not supported; use one of {string.Join(", ", TrainModel.ImageSizes)}");
        if (Attributes.Length == 0) throw new ArgumentException("the judge needs at least one attribute");
        if (Channels.Length == 0 || (ImageSize >> Channels.Length) < 1)
            throw new ArgumentException($"{Channels.Length} stride-2 blocks do not fit an image of {ImageSize} px");
    }
}
