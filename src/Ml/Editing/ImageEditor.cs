using TorchSharp;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Editing;

/// <summary>Encode, move along attribute vectors, decode: the edit of one batch of images.</summary>
public static class ImageEditor
{
    /// <summary>Synchronous: TorchSharp dispose scopes and grad mode belong to the calling thread.</summary>
    public static ImageBatch Edit(VariationalAutoencoder model, ImageBatch images, IReadOnlyList<LatentEdit> edits)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var (z, _) = model.Encode(ImageTensors.ToTensor(images, Devices.Best()));
        return ImageTensors.ToBatch(model.Decode(LatentEdits.Apply(z, edits)));
    }
}
