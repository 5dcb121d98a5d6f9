using TorchSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Imaging;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Model;

public static class ImageTensors
{
    /// <summary>Copies [N, 3, H, W] images in [0, 1] to the CPU as an ImageBatch for grids.</summary>
    public static ImageBatch ToBatch(Tensor images)
    {
        using var cpu = images.detach().cpu().contiguous();
        return new ImageBatch(cpu.data<float>().ToArray(), (int)cpu.shape[0], (int)cpu.shape[2], (int)cpu.shape[3]);
    }

    /// <summary>The batch as a [N, 3, H, W] tensor on the device, for the model.</summary>
    public static Tensor ToTensor(ImageBatch images, Device device) =>
        torch.tensor(images.Pixels, [images.Count, 3, images.Height, images.Width]).to(device);

    public static ImageBatch FromDecoded(DecodedImages images, IReadOnlyList<int> rows)
    {
        var pixels = new float[rows.Count * images.BytesPerImage];
        images.CopyAsFloats(rows.ToArray(), pixels);
        return new ImageBatch(pixels, rows.Count, images.Size, images.Size);
    }

    public static ImageBatch Concat(params ImageBatch[] batches) => new(
        batches.SelectMany(b => b.Pixels.Take(b.Count * 3 * b.Height * b.Width)).ToArray(),
        batches.Sum(b => b.Count), batches[0].Height, batches[0].Width);
}
