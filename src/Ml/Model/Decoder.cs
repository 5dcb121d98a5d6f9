using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace VaeFaces.Ml.Model;

/// <summary>Linear to the bottleneck map, four conv + LeakyReLU + 2x upsample blocks, then a sigmoid conv to RGB.</summary>
public sealed class Decoder : Module<Tensor, Tensor>
{
    private readonly Linear project;
    private readonly Sequential blocks;
    private readonly long[] bottleneckShape;

    public Decoder(ModelOptions options) : base(nameof(Decoder))
    {
        var side = options.BottleneckSize;
        var firstChannels = options.EncoderChannels[^1];
        bottleneckShape = [-1, firstChannels, side, side];
        project = Linear(options.LatentDim, firstChannels * side * side);

        var layers = new List<(string, Module<Tensor, Tensor>)>();
        var inChannels = firstChannels;
        for (var i = 0; i < options.DecoderChannels.Length; i++)
        {
            var outChannels = options.DecoderChannels[i];
            layers.Add(($"conv{i}", Conv2d(inChannels, outChannels, 3, padding: 1)));
            layers.Add(($"act{i}", new HeldSlopeLeakyReLU(0.2)));
            layers.Add(($"up{i}", Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Nearest)));
            inChannels = outChannels;
        }
        layers.Add(("to_rgb", new RgbOutputConv(inChannels)));
        layers.Add(("sigmoid", Sigmoid()));
        blocks = Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor z)
    {
        using var h = project.forward(z);
        using var map = h.view(bottleneckShape);
        return blocks.forward(map);
    }
}
