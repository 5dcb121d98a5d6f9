using System.Diagnostics;
using TorchSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Synthetic;
using VaeFaces.Ml.Training;

namespace VaeFaces.Cli.Benchmarks;

/// <summary>Throughput measured side by side in one process, so the ratios hold on a noisy machine.</summary>
public sealed class Benchmark(int imageSize, int batchSize, int steps, int images)
{
    private const int WarmupSteps = 3;
    private const int Rounds = 3;
    /// <summary>The tutorial's loss, as the trainer runs it by default.</summary>
    private static readonly LossSettings Loss = TrainingOptions.Defaults.LossAt(0);
    /// <summary>EditImages' default JPEG quality.</summary>
    private const int JpegQuality = 92;

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
            var edit = BulkEditSetup(model, work.FullName, cancellationToken);
            Progress("bulk edit of a plain image folder (JPEG decode overlapped with the model)");
            var bulkEditPlain = await edit.RunAsync(edit.PlainFolder, cacheName: null);
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

    /// <summary>The trainer's own step, either on a fixed random tensor or on batches from the loader.</summary>
    private async Task<double> TrainAsync(ModelOptions options, DecodedImages? data, CancellationToken cancellationToken)
    {
        torch.random.manual_seed(1);
        using var model = new VariationalAutoencoder(options).to(Devices.Best());
        using var optimizer = torch.optim.Adam(model.parameters(), 5e-4);
        var step = new TrainingStep(model, optimizer, gradientClipNorm: 0);
        model.train();
        using var random = torch.rand(batchSize, 3, imageSize, imageSize);
        var clock = new Stopwatch();
        var done = 0;

        if (data is null)
        {
            for (var i = 0; i < WarmupSteps + steps; i++)
            {
                if (i == WarmupSteps) clock.Start();
                step.Run(() => random, Loss);
                if (i >= WarmupSteps) done += batchSize;
            }
        }
        else
        {
            var order = BatchLoader.ShuffledOrder(data.Count, 1, 0)[..(batchSize * (WarmupSteps + steps))];
            await using var loader = new BatchLoader(data, order, batchSize, cancellationToken);
            var i = 0;
            await foreach (var buffer in loader.ReadAllAsync())
            {
                if (i == WarmupSteps) clock.Start();
                step.Run(() =>
                {
                    var batch = BatchTensors.ToTensor(buffer, imageSize, Devices.Best());
                    loader.Return(buffer);
                    return batch;
                }, Loss);
                if (i++ >= WarmupSteps) done += batchSize;
            }
        }
        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The bulk edit's model call alone (encode, edit, decode, back to the CPU), with no edit, on random pixels.</summary>
    private double Inference(VariationalAutoencoder model, int count)
    {
        using var pixels = torch.rand(batchSize, 3, imageSize, imageSize);
        var input = new ImageBatch(pixels.data<float>().ToArray(), batchSize, imageSize, imageSize);
        var clock = new Stopwatch();
        var done = 0;
        for (var step = 0; done < count; step++)
        {
            if (step == WarmupSteps) clock.Start();
            ImageEditor.Edit(model, input, []);
            if (step >= WarmupSteps) done += batchSize;
        }
        return done / clock.Elapsed.TotalSeconds;
    }

    private sealed record BulkEdit(VariationalAutoencoder Model, string Work, string PlainFolder, string CelebAFolder,
        LatentEdit Smiling, int BatchSize, CancellationToken CancellationToken)
    {
        /// <summary>
        /// The EditImages job's work minus the bus, the store and the model load: a CelebA folder through the decoded cache
        /// (cacheName) or a plain folder decoded batch by batch, edited by the bulk editor into JPEG files; img/s over all of it.
        /// </summary>
        public async Task<double> RunAsync(string input, string? cacheName)
        {
            var clock = Stopwatch.StartNew();
            using var decoded = cacheName is null ? null : Decode(input, cacheName);
            var imageFolder = decoded is null ? input : Path.Combine(input, CelebAAttributes.ImageFolder);
            var files = decoded?.Images.Select(i => i.File).ToList()
                ?? Directory.EnumerateFiles(input).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
            var output = Directory.CreateDirectory(Path.Combine(Work, "edited", CelebAAttributes.ImageFolder)).FullName;
            var result = await BulkEditor.RunAsync(new FixedEdit(Model, [Smiling]), new EditSource(imageFolder, files, decoded, SkipBadImages: false),
                BatchSize, JpegQuality, (batch, token) => Parallel.ForAsync(0, batch.Files.Length, token, async (i, t) =>
                    await File.WriteAllBytesAsync(Path.Combine(output, batch.Files[i]), batch.Jpegs[i], t)), null, CancellationToken);
            return result.Written.Count / clock.Elapsed.TotalSeconds;
        }

        private DecodedImages Decode(string celebAFolder, string cacheName)
        {
            var dataset = CelebADataset.Open(celebAFolder);
            return new DecodedImageCache(Path.Combine(Work, cacheName)).Load(dataset, dataset.Images, Model.Options.ImageSize, false,
                cancellationToken: CancellationToken);
        }
    }

    /// <summary>One attribute vector, and the first images as a plain folder and as a CelebA folder.</summary>
    private BulkEdit BulkEditSetup(VariationalAutoencoder model, string folder, CancellationToken cancellationToken)
    {
        var vector = new float[model.Options.LatentDim];
        vector[0] = 1;
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
        return new BulkEdit(model, folder, plain.FullName, Path.Combine(folder, "celeba"), new LatentEdit("Smiling", vector, 1),
            batchSize, cancellationToken);
    }

    private static double PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}
