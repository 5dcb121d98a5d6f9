using TorchSharp;
using VaeFaces.Contracts;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;
using VaeFaces.Worker.Jobs;
using VaeFaces.Worker.Latent;

namespace VaeFaces.Worker.Sampling;

/// <summary>Seeded sample grids: z from N(0, 1), and z from the sampling trick N(mean_d, spread_d) per dimension.</summary>
public static class GenerateSamplesJob
{
    public static async Task RunAsync(GenerateSamples command, JobContext job)
    {
        using var model = await job.LoadModelAsync(command.Model);
        await job.AddLineageAsync("statistics", command.Statistics);
        var mean = await LatentFiles.ReadVectorAsync(job.Store, command.Statistics.Child(LatentFiles.Mean), job.CancellationToken);
        var spread = await LatentFiles.ReadVectorAsync(job.Store, command.Statistics.Child(LatentFiles.Spread), job.CancellationToken);
        var dim = model.Options.LatentDim;
        if (mean.Length != dim || spread.Length != dim)
            throw new JobInputException($"statistics at {command.Statistics} have {mean.Length} dimensions but the model has {dim}");

        var random = new Random(command.Seed);
        var standard = Sample(random, command.Count, new float[dim], Enumerable.Repeat(1f, dim).ToArray());
        var trick = Sample(random, command.Count, mean, spread);
        var columns = (int)Math.Ceiling(Math.Sqrt(command.Count));
        await job.WriteOutputAsync("samples_standard_normal.png",
            ImageGrid.RenderPng(Decode(model, standard, command.Count), columns, scale: 2, title: "z ~ N(0, 1)"));
        await job.WriteOutputAsync("samples_trick.png",
            ImageGrid.RenderPng(Decode(model, trick, command.Count), columns, scale: 2, title: "z ~ N(mean, spread) per dimension"));
        job.Metrics["samples"] = command.Count;
    }

    internal static float[] Sample(Random random, int count, float[] mean, float[] std)
    {
        var z = new float[count * mean.Length];
        for (var n = 0; n < count; n++)
        {
            for (var d = 0; d < mean.Length; d++) z[n * mean.Length + d] = mean[d] + std[d] * (float)Gaussian(random);
        }
        return z;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    internal static ImageBatch Decode(VariationalAutoencoder model, float[] z, int count)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var codes = torch.tensor(z, [count, model.Options.LatentDim]).to(Devices.Best());
        return ImageTensors.ToBatch(model.Decode(codes));
    }
}
