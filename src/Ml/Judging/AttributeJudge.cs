using TorchSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Training;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Judging;

/// <summary>
/// A trained judge, in eval mode: the probability of each of its attributes for images in [0, 1]. Images of another
/// side than the judge's (a VAE at 112 px, a judge at 64) are resized inside: area-averaged down, bilinear up.
/// </summary>
public sealed class AttributeJudge(AttributeClassifier model) : IDisposable
{
    private readonly AttributeClassifier model = Evaluating(model);

    public IReadOnlyList<string> Attributes => model.Options.Attributes;
    public int ImageSize => model.Options.ImageSize;

    /// <summary>The attribute's column in the probabilities, or -1 when the judge does not judge it (letter case ignored).</summary>
    public int IndexOf(string attribute) =>
        Array.FindIndex(model.Options.Attributes, a => string.Equals(a, attribute, StringComparison.OrdinalIgnoreCase));

    /// <summary>[N, 3, H, W] in [0, 1], any square side, on any device, to probabilities [N, attributes] on the images' device; no gradient.</summary>
    public Tensor Probabilities(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 3 || images.shape[2] != images.shape[3])
            throw new ArgumentException($"images must be [N, 3, S, S], got [{string.Join(", ", images.shape)}]", nameof(images));
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var device = model.parameters().First().device;
        var input = images.to(device);
        if (images.shape[2] != ImageSize)
        {
            var mode = images.shape[2] > ImageSize ? InterpolationMode.Area : InterpolationMode.Bilinear;
            input = nn.functional.interpolate(input, [ImageSize, ImageSize], mode: mode, align_corners: mode == InterpolationMode.Bilinear ? false : null);
        }
        return torch.sigmoid(model.forward(input)).to(images.device).MoveToOuterDisposeScope();
    }

    /// <summary>An image batch's probabilities, [Count * attributes] row-major (image n's attribute a at n * attributes + a).</summary>
    public float[] Probabilities(ImageBatch images)
    {
        using var scope = torch.NewDisposeScope();
        return Probabilities(ImageTensors.ToTensor(images, torch.CPU)).cpu().data<float>().ToArray();
    }

    /// <summary>The probabilities of every decoded image, [Count * attributes] row-major, in batches.</summary>
    public float[] Score(DecodedImages images, int batchSize, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var result = new float[images.Count * Attributes.Count];
        var pixels = new float[batchSize * images.BytesPerImage];
        var rows = new int[batchSize];
        for (var start = 0; start < images.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, images.Count - start);
            for (var i = 0; i < count; i++) rows[i] = start + i;
            images.CopyAsFloats(rows.AsSpan(0, count), pixels);
            using (torch.NewDisposeScope())
            {
                var batch = BatchTensors.ToTensor(new ImageBatchBuffer(pixels, rows) { Count = count }, images.Size, torch.CPU);
                Probabilities(batch).cpu().data<float>().CopyTo(result, start * Attributes.Count);
            }
            progress?.Report((double)(start + count) / images.Count);
        }
        return result;
    }

    public void Dispose() => model.Dispose();

    private static AttributeClassifier Evaluating(AttributeClassifier model)
    {
        model.eval();
        return model;
    }
}
