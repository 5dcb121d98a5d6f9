using TorchSharp;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Latent;

/// <summary>The decoder alone: codes to images.</summary>
public static class LatentDecoder
{
    /// <summary>Decodes count codes, row-major count x LatentDim. Synchronous: dispose scopes and grad mode are per thread.</summary>
    public static ImageBatch Decode(VariationalAutoencoder model, float[] z, int count)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var codes = torch.tensor(z, [count, model.Options.LatentDim]).to(Devices.Best());
        return ImageTensors.ToBatch(model.Decode(codes));
    }
}
