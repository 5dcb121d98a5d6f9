using TorchSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Training;

namespace VaeFaces.Ml.Latent;

/// <summary>One full pass of the encoder over a set of images (not the same first batch again and again).</summary>
public static class LatentEncoder
{
    public static async Task<LatentCodes> EncodeAsync(VariationalAutoencoder model, DecodedImages images, int batchSize,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        model.eval();
        var device = Devices.Best();
        var dim = model.Options.LatentDim;
        var mean = new float[images.Count * dim];
        var std = new float[images.Count * dim];
        var order = Enumerable.Range(0, images.Count).ToArray();
        var offset = 0;
        await using var loader = new BatchLoader(images, order, batchSize, cancellationToken);
        await foreach (var batch in loader.ReadAllAsync())
        {
            using (torch.no_grad())
            using (torch.NewDisposeScope())
            {
                var input = BatchTensors.ToTensor(batch, images.Size, device);
                loader.Return(batch);
                var (zMean, logVar) = model.Encode(input);
                zMean.cpu().data<float>().CopyTo(mean, offset);
                (0.5 * logVar).exp().cpu().data<float>().CopyTo(std, offset);
                offset += (int)zMean.numel();
            }
            progress?.Report((double)offset / mean.Length);
        }
        return new LatentCodes(mean, std, images.Count, dim);
    }
}
