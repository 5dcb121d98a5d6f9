using TorchSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Imaging;

/// <summary>The first validation images above their reconstructions (eval mode: z = z_mean), as a PNG.</summary>
public static class ReconstructionGrid
{
    public const int Images = 8;

    public static byte[] RenderPng(VariationalAutoencoder model, DecodedImages validation)
    {
        var rows = Enumerable.Range(0, Math.Min(Images, validation.Count)).ToArray();
        var originals = ImageTensors.FromDecoded(validation, rows);
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var reconstructions = ImageTensors.ToBatch(model.forward(ImageTensors.ToTensor(originals, Devices.Best())).Reconstruction);
        return ImageGrid.RenderPng(ImageTensors.Concat(originals, reconstructions), rows.Length, scale: 2,
            rowLabels: ["validation", "reconstruction"], title: "Validation images and their reconstructions");
    }
}
