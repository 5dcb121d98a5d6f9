using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Synthetic;
using VaeFaces.Ml.Training;
using VaeFaces.Worker;
using VaeFaces.Worker.Attributes;
using VaeFaces.Worker.Editing;
using VaeFaces.Worker.Jobs;
using VaeFaces.Worker.Latent;
using VaeFaces.Worker.Storage;
using static TorchSharp.torch;

namespace VaeFaces.Cli.Benchmarks;

/// <summary>Throughput measured side by side in one process, so the ratios hold on a noisy machine.</summary>
public sealed class Benchmark(int imageSize, int batchSize, int steps, int images)
{
    private const int WarmupSteps = 3;

    public async Task<BenchmarkResults> RunAsync(CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("vaefaces-bench-");
        try
        {
            var datasetFolder = Path.Combine(work.FullName, "faces");
            Progress("generating faces");
            SyntheticFaceGenerator.Generate(datasetFolder, new SyntheticFaceOptions(Math.Max(images, batchSize * (steps + WarmupSteps)), 3, 0, 0));
            var dataset = CelebADataset.Open(datasetFolder);
            var jpegs = dataset.Images.Take(images).Select(i => File.ReadAllBytes(dataset.ImagePath(i))).ToArray();

            Progress("JPEG decode");
            var decodeOne = Measure(jpegs.Length, () => { foreach (var jpeg in jpegs) Decode(jpeg); });
            var decodeAll = Measure(jpegs.Length, () => Parallel.ForEach(jpegs, jpeg => Decode(jpeg)));

            torch.random.manual_seed(1);
            var options = new ModelOptions { ImageSize = imageSize };
            using var decoded = new DecodedImageCache(Path.Combine(work.FullName, "cache")).Load(dataset, dataset.Images, imageSize, false);

            Progress("training on random tensors");
            var trainRandom = await TrainAsync(options, null, cancellationToken);
            Progress("training from the dataset");
            var trainDataset = await TrainAsync(options, decoded, cancellationToken);

            Progress("inference");
            using var model = new VariationalAutoencoder(options).to(Devices.Best());
            model.eval();
            var inference = Inference(model, images);
            Progress("bulk edit");
            var bulkEdit = await BulkEditAsync(model, work.FullName, images, cancellationToken);

            return new BenchmarkResults(MachineName(), imageSize, batchSize, torch.get_num_threads(), trainRandom, trainDataset,
                inference, bulkEdit, decodeOne, decodeAll, PeakRssMiB(),
                Environment.GetEnvironmentVariable("LD_PRELOAD")?.Contains("tcmalloc", StringComparison.Ordinal) == true);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Progress(string what) => Console.WriteLine($"bench: {what}...");

    private void Decode(byte[] jpeg)
    {
        var rgb = new byte[imageSize * imageSize * 3];
        if (ImageDecoder.TryDecode(jpeg, imageSize, rgb) is { } problem) throw new InvalidDataException(problem);
    }

    private static double Measure(int count, Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The same training step either on a fixed random tensor or on batches from the loader.</summary>
    private async Task<double> TrainAsync(ModelOptions options, DecodedImages? data, CancellationToken cancellationToken)
    {
        torch.random.manual_seed(1);
        using var model = new VariationalAutoencoder(options).to(Devices.Best());
        using var optimizer = optim.Adam(model.parameters(), 5e-4);
        model.train();
        using var random = torch.rand(batchSize, 3, imageSize, imageSize);
        var clock = new Stopwatch();
        var done = 0;

        void Step(Tensor batch)
        {
            optimizer.zero_grad();
            var terms = VaeLoss.Compute(batch, model.forward(batch), 0.01);
            terms.Total.backward();
            optimizer.step();
            terms.Total.item<float>();
        }

        if (data is null)
        {
            for (var step = 0; step < WarmupSteps + steps; step++)
            {
                if (step == WarmupSteps) clock.Start();
                using var scope = torch.NewDisposeScope();
                Step(random);
                if (step >= WarmupSteps) done += batchSize;
            }
        }
        else
        {
            var order = Ml.Data.BatchLoader.ShuffledOrder(data.Count, 1)[..(batchSize * (WarmupSteps + steps))];
            await using var loader = new Ml.Data.BatchLoader(data, order, batchSize, cancellationToken);
            var step = 0;
            await foreach (var buffer in loader.ReadAllAsync())
            {
                if (step == WarmupSteps) clock.Start();
                using var scope = torch.NewDisposeScope();
                var batch = BatchTensors.ToTensor(buffer, imageSize, Devices.Best());
                loader.Return(buffer);
                Step(batch);
                if (step++ >= WarmupSteps) done += batchSize;
            }
        }
        return done / clock.Elapsed.TotalSeconds;
    }

    private double Inference(VariationalAutoencoder model, int count)
    {
        using var noGrad = torch.no_grad();
        using var input = torch.rand(batchSize, 3, imageSize, imageSize);
        var clock = new Stopwatch();
        var done = 0;
        for (var step = 0; done < count; step++)
        {
            if (step == WarmupSteps) clock.Start();
            using var scope = torch.NewDisposeScope();
            var (z, _) = model.Encode(input);
            model.Decode(z).cpu().data<float>().ToArray();
            if (step >= WarmupSteps) done += batchSize;
        }
        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The real EditImages job, minus the bus, over the first images of the generated set.</summary>
    private async Task<double> BulkEditAsync(VariationalAutoencoder model, string folder, int count, CancellationToken cancellationToken)
    {
        var store = new LocalFolderBlobStore(folder);
        var modelLocation = new BlobLocation("model");
        var vectorsLocation = new BlobLocation("vectors");
        using (var weights = new MemoryStream())
        {
            ModelFile.SaveWeights(weights, model);
            await store.UploadBytesAsync(modelLocation.Child(ModelFile.WeightsName), weights.ToArray(), cancellationToken);
        }
        await store.UploadBytesAsync(modelLocation.Child(ModelFile.OptionsName), System.Text.Encoding.UTF8.GetBytes(ModelFile.OptionsJson(model.Options)), cancellationToken);
        var vector = new float[model.Options.LatentDim];
        vector[0] = 1;
        await store.UploadBytesAsync(vectorsLocation.Child(AttributeVectorFiles.Npy), LatentFiles.Npy(vector, 1, vector.Length), cancellationToken);
        await store.UploadBytesAsync(vectorsLocation.Child(AttributeVectorFiles.Json), JobJson.Serialize(new AttributeVectorsDocument(
            vector.Length, "train", "test", [new AttributeVectorInfo("Smiling", 1, 1, 1, null, 0, 0)], [])), cancellationToken);

        // Only the first `count` images: a CelebA folder with exactly those.
        var input = Path.Combine(folder, "input", CelebAAttributes.ImageFolder);
        Directory.CreateDirectory(input);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "faces", CelebAAttributes.ImageFolder)).Order().Take(count))
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));

        var job = new JobContext(store, new WorkerOptions(), NullLogger.Instance, new Progress<TrainingProgress>(),
            new BlobLocation("edited"), cancellationToken);
        var command = new EditImages
        {
            JobId = Guid.NewGuid(), Model = modelLocation, Vectors = vectorsLocation, Input = new BlobLocation("input"),
            Output = job.Output, Edits = new Dictionary<string, double> { ["Smiling"] = 1 }, BatchSize = batchSize,
        };
        var clock = Stopwatch.StartNew();
        await EditImagesJob.RunAsync(command, job);
        return job.Metrics["images_edited"] / clock.Elapsed.TotalSeconds;
    }

    private static double PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    private static string MachineName()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? "unknown CPU"}, {Environment.ProcessorCount} cores, {Devices.Best().type}";
    }
}
