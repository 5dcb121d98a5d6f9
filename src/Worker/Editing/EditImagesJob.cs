using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TorchSharp;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;
using VaeFaces.Worker.Attributes;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Editing;

/// <summary>
/// Dataset augmentation: decode, encode, move along attribute vectors, decode, write JPEGs with the same names plus
/// CelebA attribute and partition files. Reading, the model and writing run as three overlapping stages.
/// </summary>
public static class EditImagesJob
{
    private const int GridImages = 8;

    private sealed record Batch(string[] Files, float[] Pixels, int Count);

    public static async Task RunAsync(EditImages command, JobContext job)
    {
        using var model = await job.LoadModelAsync(command.Model);
        var edits = AttributeVectorFiles.Select(await AttributeVectorFiles.ReadAsync(job, command.Vectors), command.Edits, nameof(command.Edits));
        var input = EditInput.Open(await job.Store.GetLocalFolderAsync(command.Input, job.CancellationToken), command.Split);
        job.Inputs.Add(new JobInput("images", command.Input, null, null));

        var size = model.Options.ImageSize;
        // A CelebA-layout input goes through the decoded cache: images an earlier job decoded (the pipeline's vectors job
        // decodes the test split) are not decoded again, and a cold one is decoded at full speed before the model runs.
        using var decodedImages = input.Dataset is { } dataset
            ? await job.DecodeAsync(dataset, input.DatasetImages!, "input", size, command.SkipBadImages, 0, 0.2)
            : null;
        var skipped = new List<string>();
        var read = Channel.CreateBounded<Batch>(2);
        var edited = Channel.CreateBounded<Batch>(2);
        var written = new List<string>();
        var before = new List<float>();
        var after = new List<float>();
        // A failing stage cancels the others, then its own exception is the one reported.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(job.CancellationToken);
        var reader = Stage(() => ReadAsync(input, decodedImages, size, command, read.Writer, skipped, failed.Token), failed);
        var writer = Stage(() => WriteAsync(job, command, size, edited.Reader, written, after, failed.Token), failed);
        try
        {
            var done = 0;
            var progress = job.Stage("editing", decodedImages is null ? 0 : 0.2, 0.97);
            await foreach (var batch in read.Reader.ReadAllAsync(failed.Token))
            {
                if (before.Count < GridImages * 3 * size * size) before.AddRange(batch.Pixels.Take(Math.Min(batch.Count, GridImages) * 3 * size * size));
                await edited.Writer.WriteAsync(Edit(model, batch, size, edits), failed.Token);
                done += batch.Count;
                progress.Report((double)done / input.Files.Count);
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            edited.Writer.TryComplete();
            await Task.WhenAll(reader, writer);
        }

        await job.WriteOutputAsync(CelebAAttributes.AttributeFile, Encoding.UTF8.GetBytes(AttributeFile(input, written, edits)));
        var partition = new StringWriter();
        CelebAPartitionFile.Write(partition, written.Select(f => (f, input.Partitions?.GetValueOrDefault(f) ?? Split.Train)));
        await job.WriteOutputAsync(CelebAAttributes.PartitionFile, Encoding.UTF8.GetBytes(partition.ToString()));
        var shown = Math.Min(GridImages, written.Count);
        var grid = new ImageBatch([.. before.Take(shown * 3 * size * size), .. after.Take(shown * 3 * size * size)], 2 * shown, size, size);
        var label = string.Join(", ", edits.Select(e => $"{e.Name} {e.Magnitude:+0.#;-0.#}"));
        await job.WriteOutputAsync("before_after.png", ImageGrid.RenderPng(grid, shown, scale: 2, rowLabels: ["before", "after"], title: label));

        if (skipped.Count > 0) job.Logger.LogWarning("Skipped {Count} bad images, first: {First}", skipped.Count, skipped[0]);
        job.Metrics["images_edited"] = written.Count;
        job.Metrics["images_skipped"] = skipped.Count + (decodedImages?.Skipped ?? 0);
    }

    private static Task Stage(Func<Task> work, CancellationTokenSource failed) => Task.Run(async () =>
    {
        try
        {
            await work();
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    });

    private static async Task ReadAsync(EditInput input, DecodedImages? decoded, int size, EditImages command,
        ChannelWriter<Batch> output, List<string> skipped, CancellationToken token)
    {
        try
        {
            var plane = 3 * size * size;
            var files = decoded?.Images.Select(i => i.File).ToList() ?? input.Files;
            for (var start = 0; start < files.Count; start += command.BatchSize)
            {
                var count = Math.Min(command.BatchSize, files.Count - start);
                var batchFiles = Enumerable.Range(start, count).Select(i => files[i]).ToArray();
                var pixels = new float[count * plane];
                if (decoded is not null)
                {
                    decoded.CopyAsFloats(Enumerable.Range(start, count).ToArray(), pixels);
                    await output.WriteAsync(new Batch(batchFiles, pixels, count), token);
                    continue;
                }
                var problems = new string?[count];
                Parallel.For(0, count, new ParallelOptions { CancellationToken = token }, i =>
                {
                    var rgb = new byte[plane];
                    var path = Path.Combine(input.ImageFolder, batchFiles[i]);
                    problems[i] = !File.Exists(path) ? "image file not found" : ImageDecoder.TryDecode(File.ReadAllBytes(path), size, rgb);
                    if (problems[i] is null) PixelLayout.HwcBytesToChwFloats(rgb, pixels.AsSpan(i * plane, plane));
                });
                var good = new List<int>();
                for (var i = 0; i < count; i++)
                {
                    if (problems[i] is null) { good.Add(i); continue; }
                    var message = $"{batchFiles[i]}: {problems[i]}";
                    if (!command.SkipBadImages) throw new DatasetException(CelebAAttributes.ImageFolder, null, message + " (set SkipBadImages to skip bad images)");
                    skipped.Add(message);
                }
                if (good.Count == 0) continue;
                var packed = good.Count == count ? pixels : good.SelectMany(i => pixels.AsSpan(i * plane, plane).ToArray()).ToArray();
                await output.WriteAsync(new Batch(good.Select(i => batchFiles[i]).ToArray(), packed, good.Count), token);
            }
            output.Complete();
        }
        catch (Exception error)
        {
            output.Complete(error);
            throw;
        }
    }

    /// <summary>Synchronous: TorchSharp dispose scopes and grad mode belong to the calling thread.</summary>
    private static Batch Edit(VariationalAutoencoder model, Batch batch, int size, List<(string Name, float[] Vector, double Magnitude)> edits)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var images = torch.tensor(batch.Pixels, [batch.Count, 3, size, size]).to(Devices.Best());
        var (z, _) = model.Encode(images);
        var result = model.Decode(LatentEdits.Apply(z, edits)).cpu();
        return batch with { Pixels = result.data<float>().ToArray() };
    }

    private static async Task WriteAsync(JobContext job, EditImages command, int size, ChannelReader<Batch> input,
        List<string> written, List<float> after, CancellationToken token)
    {
        var plane = 3 * size * size;
        var folder = job.Output.Child(CelebAAttributes.ImageFolder);
        await foreach (var batch in input.ReadAllAsync(token))
        {
            if (after.Count < GridImages * plane) after.AddRange(batch.Pixels.Take(Math.Min(batch.Count, GridImages) * plane));
            var jpegs = new byte[batch.Count][];
            Parallel.For(0, batch.Count, i => jpegs[i] = ImageEncoder.Jpeg(batch.Pixels.AsSpan(i * plane, plane), size, size, command.JpegQuality));
            await Parallel.ForAsync(0, batch.Count, token, async (i, t) =>
                await Storage.BlobStoreExtensions.UploadBytesAsync(job.Store, folder.Child(batch.Files[i]), jpegs[i], t));
            foreach (var file in batch.Files)
            {
                written.Add(file);
                job.Outputs.Add($"{CelebAAttributes.ImageFolder}/{file}");
            }
        }
    }

    private static string AttributeFile(EditInput input, List<string> written, List<(string Name, float[] Vector, double Magnitude)> edits)
    {
        var names = input.Attributes?.Names ?? CelebAAttributes.Names;
        var rowOf = input.Attributes?.Files.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
        var values = written.Select(file =>
        {
            // Unknown attributes of a plain image folder are written as absent (-1); edited ones follow the edit's sign.
            var row = rowOf is not null ? (sbyte[])input.Attributes!.Values[rowOf[file]].Clone() : Enumerable.Repeat((sbyte)-1, names.Count).ToArray();
            foreach (var edit in edits)
            {
                var column = names.ToList().FindIndex(n => string.Equals(n, edit.Name, StringComparison.OrdinalIgnoreCase));
                if (column >= 0 && edit.Magnitude != 0) row[column] = edit.Magnitude > 0 ? (sbyte)1 : (sbyte)-1;
            }
            return row;
        }).ToArray();
        var text = new StringWriter();
        CelebAAttributeFile.Write(text, new AttributeTable(names, written, values));
        return text.ToString();
    }
}
