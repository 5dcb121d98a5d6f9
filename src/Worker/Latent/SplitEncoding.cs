using VaeFaces.Ml.Data;
using VaeFaces.Ml.Latent;
using VaeFaces.Ml.Model;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Latent;

public static class SplitEncoding
{
    /// <summary>Decodes (through the cache) and encodes one split; progress covers [from, to] of the job.</summary>
    public static async Task<(DecodedImages Images, LatentCodes Codes)> EncodeAsync(JobWorkspace job, VariationalAutoencoder model,
        CelebADataset dataset, Split split, bool skipBadImages, int batchSize, double from, double to)
    {
        var middle = from + (to - from) * 0.3;
        var images = await job.DecodeAsync(dataset, split, model.Options.ImageSize, skipBadImages, from, middle);
        var codes = await job.TimeAsync($"encode_{split.ToString().ToLowerInvariant()}", () =>
            LatentEncoder.EncodeAsync(model, images, batchSize, job.Stage($"encoding {split}", middle, to), job.CancellationToken));
        return (images, codes);
    }
}
