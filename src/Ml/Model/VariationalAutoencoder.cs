using TorchSharp;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Model;

public sealed record VaeOutput(Tensor Reconstruction, Tensor Mean, Tensor LogVar);

/// <summary>The tutorial's VAE: encoder, reparameterisation, decoder.</summary>
public sealed class VariationalAutoencoder : nn.Module<Tensor, VaeOutput>
{
    private readonly Encoder encoder;
    private readonly Decoder decoder;

    public VariationalAutoencoder(ModelOptions options) : base(nameof(VariationalAutoencoder))
    {
        options.Validate();
        Options = options;
        encoder = new Encoder(options);
        decoder = new Decoder(options);
        RegisterComponents();
    }

    public ModelOptions Options { get; }

    public (Tensor Mean, Tensor LogVar) Encode(Tensor images) => encoder.forward(images);

    public Tensor Decode(Tensor z) => decoder.forward(z);

    public override VaeOutput forward(Tensor images)
    {
        var (mean, logVar) = encoder.forward(images);
        // Sampling noise only while training; in eval mode the decoder sees z_mean. The noise is drawn from the CPU
        // generator even on CUDA: that generator's state is in every checkpoint (TorchSharp cannot read CUDA's), so a
        // resumed run draws the same noise as an uninterrupted one. It is batch x z_dim floats, a negligible copy.
        var z = training ? mean + torch.randn(mean.shape, mean.dtype).to(mean.device) * torch.exp(0.5 * logVar) : mean.alias();
        return new VaeOutput(decoder.forward(z), mean, logVar);
    }

    public long ParameterCount() => parameters().Sum(p => p.numel());
}
