using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace VaeFaces.Ml.Judging;

/// <summary>
/// The judge's network: stride-2 3x3 conv blocks (BatchNorm, ReLU), average-pooled to a fixed side, then dropout and a
/// linear head with one logit per attribute (multi-label). Ending in a Linear layer keeps it clear of the oneDNN
/// small-output-channel conv backward fault (docs/training-numerics.md).
/// </summary>
public sealed class AttributeClassifier : Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly Linear head;

    public AttributeClassifier(AttributeClassifierOptions options) : base(nameof(AttributeClassifier))
    {
        options.Validate();
        Options = options;
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        var inChannels = 3;
        for (var i = 0; i < options.Channels.Length; i++)
        {
            var outChannels = options.Channels[i];
            layers.Add(($"conv{i}", Conv2d(inChannels, outChannels, 3, stride: 2, padding: 1, bias: false)));
            layers.Add(($"bn{i}", BatchNorm2d(outChannels)));
            layers.Add(($"act{i}", ReLU()));
            inChannels = outChannels;
        }
        layers.Add(("pool", AdaptiveAvgPool2d(options.PooledSize)));
        layers.Add(("flatten", Flatten()));
        layers.Add(("dropout", Dropout(options.Dropout)));
        features = Sequential(layers);
        head = Linear(inChannels * options.PooledSize * options.PooledSize, options.Attributes.Length);
        RegisterComponents();
    }

    public AttributeClassifierOptions Options { get; }

    /// <summary>[N, 3, ImageSize, ImageSize] in [0, 1] to logits [N, attributes].</summary>
    public override Tensor forward(Tensor images)
    {
        using var h = features.forward(images);
        return head.forward(h);
    }
}
