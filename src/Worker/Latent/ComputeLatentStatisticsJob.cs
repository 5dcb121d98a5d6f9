using VaeFaces.Ml.Data;
using VaeFaces.Contracts;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Latent;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Latent;

/// <summary>One full pass over a split (train by default): per-dimension statistics of the codes, as .npy, JSON and plots.</summary>
public sealed class ComputeLatentStatisticsJob : IJob<ComputeLatentStatistics>
{
    private const int HistogramDims = 100;

    public static async Task RunAsync(ComputeLatentStatistics command, JobWorkspace job)
    {
        var split = Splits.FromName(command.Split);
        using var model = await job.LoadModelAsync(command.Model);
        var dataset = await job.OpenDatasetAsync(command.Dataset);
        var (images, codes) = await SplitEncoding.EncodeAsync(job, model, dataset, split, command.SkipBadImages, command.BatchSize, 0, 0.9);
        images.Dispose();
        var stats = LatentStatistics.Compute(codes);

        await job.WriteOutputAsync(LatentFiles.Mean, LatentFiles.Npy(stats.Mean, stats.Mean.Length));
        await job.WriteOutputAsync(LatentFiles.MeanStd, LatentFiles.Npy(stats.MeanStd, stats.MeanStd.Length));
        await job.WriteOutputAsync(LatentFiles.Spread, LatentFiles.Npy(stats.Spread, stats.Spread.Length));
        await job.WriteJsonAsync(LatentFiles.Json, new
        {
            split = split.ToString().ToLowerInvariant(),
            images = stats.Count,
            dims = codes.Dim,
            mean = stats.Mean,
            meanStd = stats.MeanStd,
            spread = stats.Spread,
        });

        var shown = Math.Min(HistogramDims, codes.Dim);
        var perDim = Enumerable.Range(0, shown)
            .Select(d => Enumerable.Range(0, codes.Count).Select(n => codes.Mean[n * codes.Dim + d]).ToArray())
            .ToList();
        await job.WriteOutputAsync("latent_histograms.png",
            HistogramGrid.RenderPng($"z_mean of the first {shown} dimensions over {codes.Count} {split.ToString().ToLowerInvariant()} images", perDim));
        await job.WriteOutputAsync("latent_mean.png",
            IndexPlot.RenderPng("Average z_mean per dimension", "mean of z_mean", stats.Mean.Select(v => (double)v).ToList(), 0));
        await job.WriteOutputAsync("latent_std.png",
            IndexPlot.RenderPng("Average posterior std per dimension", "mean of exp(0.5 logvar)", stats.MeanStd.Select(v => (double)v).ToList(), 1));

        job.Metrics["images"] = stats.Count;
        job.Metrics["average_mean"] = stats.Mean.Average();
        job.Metrics["average_std"] = stats.MeanStd.Average();
        job.Metrics["average_spread"] = stats.Spread.Average();
    }
}
