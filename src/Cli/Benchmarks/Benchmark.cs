using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Synthetic;
using VaeFaces.Ml.Training;
using VaeFaces.Storage;
using VaeFaces.Worker;
using VaeFaces.Worker.Attributes;
using VaeFaces.Worker.Editing;
using VaeFaces.Worker.Jobs;
using VaeFaces.Worker.Latent;
using static TorchSharp.torch;

namespace VaeFaces.Cli.Benchmarks;

/// <summary>Throughput measured side by side in one process, so the ratios hold on a noisy machine.</summary>
public sealed class Benchmark(int imageSize, int batchSize, int steps, int images)
{
    private const int WarmupSteps = 3;
    private const int Rounds = 3;

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

            // Interleaved rounds, medians reported: a slow patch of this shared machine hits both sides of a ratio.
            var trainRandom = new List<double>();
            var trainDataset = new List<double>();
            var inference = new List<double>();
            var bulkEdit = new List<double>();
            using var model = new VariationalAutoencoder(options).to(Devices.Best());
            model.eval();
            var edit = await BulkEditSetupAsync(model, work.FullName, cancellationToken);
            Progress("bulk edit of a plain image folder (JPEG decode overlapped with the model)");
            var bulkEditPlain = await edit.RunAsync(edit.PlainFolder, "cache-plain");
            Progress("bulk edit of a CelebA folder, cold decoded cache");
            var bulkEditCold = await edit.RunAsync(edit.CelebAFolder, "cache-edit");
            for (var round = 1; round <= Rounds; round++)
            {
                Progress($"round {round} of {Rounds}: training on random tensors, then from the dataset");
                trainRandom.Add(await TrainAsync(options, null, cancellationToken));
                trainDataset.Add(await TrainAsync(options, decoded, cancellationToken));
                Progress($"round {round} of {Rounds}: inference, then bulk edit (warm decoded cache)");
                inference.Add(Inference(model, images));
                bulkEdit.Add(await edit.RunAsync(edit.CelebAFolder, "cache-edit"));
            }

            return new BenchmarkResults(MachineDescription.Current(), imageSize, batchSize, torch.get_num_threads(), Rounds,
                Median(trainRandom), Median(trainDataset), Median(inference), Median(bulkEdit), bulkEditCold, bulkEditPlain,
                decodeOne, decodeAll, PeakRssMiB(),
                Environment.GetEnvironmentVariable("LD_PRELOAD")?.Contains("tcmalloc", StringComparison.Ordinal) == true);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

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
            var order = Ml.Data.BatchLoader.ShuffledOrder(data.Count, 1, 0)[..(batchSize * (WarmupSteps + steps))];
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

    private sealed record BulkEdit(LocalFolderBlobStore Store, string Work, BlobLocation Model, BlobLocation Vectors,
        BlobLocation PlainFolder, BlobLocation CelebAFolder, int BatchSize, CancellationToken CancellationToken)
    {
        /// <summary>The real EditImages job, minus the bus; img/s over the whole job, model loading included.</summary>
        public async Task<double> RunAsync(BlobLocation input, string cacheName)
        {
            var job = new JobContext(Store, new WorkerOptions { CacheDirectory = Path.Combine(Work, cacheName) }, NullLogger.Instance,
                new Progress<TrainingProgress>(), new BlobLocation("edited"), CancellationToken);
            var command = new EditImages
            {
                JobId = Guid.NewGuid(), Model = Model, Vectors = Vectors, Input = input, Output = job.Output,
                Edits = new Dictionary<string, double> { ["Smiling"] = 1 }, BatchSize = BatchSize,
            };
            var clock = Stopwatch.StartNew();
            await EditImagesJob.RunAsync(command, job);
            return job.Metrics["images_edited"] / clock.Elapsed.TotalSeconds;
        }
    }

    /// <summary>A model and one attribute vector in a local store, and the first images as a plain folder and as a CelebA folder.</summary>
    private async Task<BulkEdit> BulkEditSetupAsync(VariationalAutoencoder model, string folder, CancellationToken cancellationToken)
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

        var faces = CelebADataset.Open(Path.Combine(folder, "faces"));
        var chosen = faces.Images.Take(images).ToList();
        var plain = Directory.CreateDirectory(Path.Combine(folder, "plain"));
        var celebA = Directory.CreateDirectory(Path.Combine(folder, "celeba", CelebAAttributes.ImageFolder));
        foreach (var image in chosen)
        {
            File.Copy(faces.ImagePath(image), Path.Combine(plain.FullName, image.File));
            File.Copy(faces.ImagePath(image), Path.Combine(celebA.FullName, image.File));
        }
        using (var attributes = new StreamWriter(Path.Combine(folder, "celeba", CelebAAttributes.AttributeFile)))
            CelebAAttributeFile.Write(attributes, new AttributeTable(faces.Attributes.Names, chosen.Select(i => i.File).ToList(),
                chosen.Select(i => i.Attributes).ToArray()));
        using (var partition = new StreamWriter(Path.Combine(folder, "celeba", CelebAAttributes.PartitionFile)))
            CelebAPartitionFile.Write(partition, chosen.Select(i => (i.File, i.Split)));
        return new BulkEdit(store, folder, modelLocation, vectorsLocation, new BlobLocation("plain"), new BlobLocation("celeba"),
            batchSize, cancellationToken);
    }

    private static double PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}
