using VaeFaces.Contracts;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Latent;
using VaeFaces.Ml.Sampling;
using VaeFaces.Worker.Jobs;
using VaeFaces.Storage;

namespace VaeFaces.Worker.Sampling;

/// <summary>Seeded sample grids: z from N(0, 1), and z from the sampling trick N(mean_d, spread_d) per dimension.</summary>
public sealed class GenerateSamplesJob : IJob<GenerateSamples>
{
    public static async Task RunAsync(GenerateSamples command, JobWorkspace job)
    {
        using var model = await job.LoadModelAsync(command.Model);
        await job.AddLineageAsync("statistics", command.Statistics);
        var mean = LatentFiles.ReadVector(await job.Store.ReadBytesAsync(command.Statistics.Child(LatentFiles.Mean), job.CancellationToken));
        var spread = LatentFiles.ReadVector(await job.Store.ReadBytesAsync(command.Statistics.Child(LatentFiles.Spread), job.CancellationToken));
        var dim = model.Options.LatentDim;
        if (mean.Length != dim || spread.Length != dim)
            throw new JobInputException($"statistics at {command.Statistics} have {mean.Length} dimensions but the model has {dim}");

        // One generator, standard codes drawn first: the seed gives both grids.
        var random = new Random(command.Seed);
        var standard = LatentSampler.StandardNormal(random, command.Count, dim);
        var trick = LatentSampler.Sample(random, command.Count, mean, spread);
        var columns = (int)Math.Ceiling(Math.Sqrt(command.Count));
        await job.WriteOutputAsync("samples_standard_normal.png",
            ImageGrid.RenderPng(LatentDecoder.Decode(model, standard, command.Count), columns, scale: 2, title: "z ~ N(0, 1)"));
        await job.WriteOutputAsync("samples_trick.png",
            ImageGrid.RenderPng(LatentDecoder.Decode(model, trick, command.Count), columns, scale: 2, title: "z ~ N(mean, spread) per dimension"));
        job.Metrics["samples"] = command.Count;
    }
}
