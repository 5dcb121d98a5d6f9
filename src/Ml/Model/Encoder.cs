using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace VaeFaces.Ml.Model;

/// <summary>Four stride-2 3x3 conv blocks (BatchNorm, LeakyReLU 0.2), then two linear heads for z_mean and z_log_var.</summary>
public sealed class Encoder : Module<Tensor, (Tensor Mean, Tensor LogVar)>
{
    private const double LogVarLimit = 10.0;

    private readonly Sequential features;
    private readonly Linear mean;
    private readonly Linear logVar;

    public Encoder(ModelOptions options) : base(nameof(Encoder))
    {
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        var inChannels = 3;
        for (var i = 0; i < options.EncoderChannels.Length; i++)
        {
            var outChannels = options.EncoderChannels[i];
            layers.Add(($"conv{i}", Conv2d(inChannels, outChannels, 3, stride: 2, padding: 1)));
            // Keras defaults (eps 1e-3, momentum 0.99) as in the tutorial; torch's momentum is 1 - Keras'.
            layers.Add(($"bn{i}", BatchNorm2d(outChannels, eps: 1e-3, momentum: 0.01)));
            layers.Add(($"act{i}", new HeldSlopeLeakyReLU(0.2)));
            inChannels = outChannels;
        }
        layers.Add(("flatten", Flatten()));
        features = Sequential(layers);
        var flat = inChannels * options.BottleneckSize * options.BottleneckSize;
        mean = Linear(flat, options.LatentDim);
        logVar = Linear(flat, options.LatentDim);
        RegisterComponents();
    }

    public override (Tensor Mean, Tensor LogVar) forward(Tensor images)
    {
        using var h = features.forward(images);
        // Clamped so exp(logvar) can neither overflow nor vanish: the loss stays finite.
        return (mean.forward(h), logVar.forward(h).clamp(-LogVarLimit, LogVarLimit));
    }
}
