using System.Text;
using Microsoft.Extensions.Logging;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Imaging;
using VaeFaces.Worker.Attributes;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Editing;

/// <summary>
/// Dataset augmentation: decode, encode, move along attribute vectors, decode, write JPEGs with the same names plus
/// CelebA attribute and partition files.
/// </summary>
public sealed class EditImagesJob : IJob<EditImages>
{
    public static async Task RunAsync(EditImages command, JobWorkspace job)
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
        var folder = job.Output.Child(CelebAAttributes.ImageFolder);
        var result = await BulkEditor.RunAsync(model, new EditSource(input.ImageFolder, input.Files, decodedImages, command.SkipBadImages),
            edits, command.BatchSize, command.JpegQuality, async (batch, token) =>
            {
                await Parallel.ForAsync(0, batch.Files.Length, token, async (i, t) =>
                    await Storage.BlobStoreExtensions.UploadBytesAsync(job.Store, folder.Child(batch.Files[i]), batch.Jpegs[i], t));
                // Listed as soon as written, so a failed job deletes them.
                foreach (var file in batch.Files) job.Outputs.Add($"{CelebAAttributes.ImageFolder}/{file}");
            },
            job.Stage("editing", decodedImages is null ? 0 : 0.2, 0.97), job.CancellationToken);

        await job.WriteOutputAsync(CelebAAttributes.AttributeFile, Encoding.UTF8.GetBytes(AttributeFile(input, result.Written, edits)));
        var partition = new StringWriter();
        CelebAPartitionFile.Write(partition, result.Written.Select(f => (f, input.Partitions?.GetValueOrDefault(f) ?? Split.Train)));
        await job.WriteOutputAsync(CelebAAttributes.PartitionFile, Encoding.UTF8.GetBytes(partition.ToString()));
        var shown = result.BeforeAfter.Count / 2;
        var label = string.Join(", ", edits.Select(e => $"{e.Name} {e.Magnitude:+0.#;-0.#}"));
        await job.WriteOutputAsync("before_after.png", ImageGrid.RenderPng(result.BeforeAfter, shown, scale: 2, rowLabels: ["before", "after"], title: label));

        if (result.Skipped.Count > 0) job.Logger.LogWarning("Skipped {Count} bad images, first: {First}", result.Skipped.Count, result.Skipped[0]);
        job.Metrics["images_edited"] = result.Written.Count;
        job.Metrics["images_skipped"] = result.Skipped.Count + (decodedImages?.Skipped ?? 0);
    }

    private static string AttributeFile(EditInput input, IReadOnlyList<string> written, List<LatentEdit> edits)
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
