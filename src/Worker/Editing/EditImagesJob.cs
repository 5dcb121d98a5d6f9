using System.Text;
using Microsoft.Extensions.Logging;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Evaluation;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Judging;
using VaeFaces.Ml.Model;
using VaeFaces.Worker.Judging;
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
        using var judge = command.Calibration is { } calibration ? await job.LoadJudgeAsync(calibration.Judge) : null;
        var edit = Edit(command, model, judge, edits);
        var folder = job.Output.Child(CelebAAttributes.ImageFolder);
        var result = await BulkEditor.RunAsync(edit, new EditSource(input.ImageFolder, input.Files, decodedImages, command.SkipBadImages),
            command.BatchSize, command.JpegQuality, async (batch, token) =>
            {
                await Parallel.ForAsync(0, batch.Files.Length, token, async (i, t) =>
                    await Storage.BlobStoreExtensions.UploadBytesAsync(job.Store, folder.Child(batch.Files[i]), batch.Jpegs[i], t));
                // Listed as soon as written, so a failed job deletes them.
                foreach (var file in batch.Files) job.Outputs.Add($"{CelebAAttributes.ImageFolder}/{file}");
            },
            job.Stage("editing", decodedImages is null ? 0 : 0.2, 0.97), job.CancellationToken);

        await job.WriteOutputAsync(CelebAAttributes.AttributeFile, Encoding.UTF8.GetBytes(AttributeFile(input, result, edits, judge)));
        var partition = new StringWriter();
        CelebAPartitionFile.Write(partition, result.Written.Select(f => (f, input.Partitions?.GetValueOrDefault(f) ?? Split.Train)));
        await job.WriteOutputAsync(CelebAAttributes.PartitionFile, Encoding.UTF8.GetBytes(partition.ToString()));
        var shown = result.BeforeAfter.Count / 2;
        var label = string.Join(", ", edits.Select(e => $"{e.Name} {e.Magnitude:+0.#;-0.#}"))
            + (command.Calibration is { } target ? $" at most, until the judge says so with p >= {target.Probability:0.##}" : "");
        await job.WriteOutputAsync("before_after.png", ImageGrid.RenderPng(result.BeforeAfter, shown, scale: 2, rowLabels: ["before", "after"], title: label));

        if (result.Skipped.Count > 0) job.Logger.LogWarning("Skipped {Count} bad images, first: {First}", result.Skipped.Count, result.Skipped[0]);
        if (command.Calibration is { } settings)
        {
            var report = CalibrationReport.Of(settings, edits, result.Outcomes);
            await job.WriteJsonAsync(CalibrationReport.FileName, report);
            job.Metrics["images_reached"] = report.Reached;
            job.Metrics["images_missed"] = report.Missed;
            job.Metrics["images_dropped"] = report.Dropped;
            job.Metrics["reached_fraction"] = report.ReachedFraction;
            if (report.Missed > 0) job.Logger.LogWarning("{Missed} of {Images} images missed the target within the bounds ({Policy})", report.Missed, report.Images, settings.Misses);
        }
        job.Metrics["images_edited"] = result.Written.Count;
        job.Metrics["images_skipped"] = result.Skipped.Count + (decodedImages?.Skipped ?? 0);
    }

    private static IBatchEdit Edit(EditImages command, VariationalAutoencoder model, AttributeJudge? judge, List<LatentEdit> edits)
    {
        if (command.Calibration is not { } calibration || judge is null) return new FixedEdit(model, edits);
        var unjudged = edits.Where(e => judge.IndexOf(e.Name) < 0).Select(e => e.Name).ToList();
        if (unjudged.Count > 0)
            throw new JobInputException($"{nameof(command.Edits)}: the judge at {calibration.Judge} does not judge {string.Join(", ", unjudged)}; it judges {string.Join(", ", judge.Attributes)}");
        return new CalibratedEdit(model, judge, edits, calibration.Probability, calibration.Tolerance, keepMisses: calibration.Misses == "keep");
    }

    /// <summary>
    /// The input's labels for the written images. Edited attributes follow the edit's sign, or with a judge, its verdict on
    /// each edited image. Unknown attributes of a plain image folder are written as absent (-1).
    /// </summary>
    private static string AttributeFile(EditInput input, BulkEditResult result, List<LatentEdit> edits, AttributeJudge? judge)
    {
        var names = input.Attributes?.Names ?? CelebAAttributes.Names;
        var rowOf = input.Attributes?.Files.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
        var columns = edits.Select(e => names.ToList().FindIndex(n => string.Equals(n, e.Name, StringComparison.OrdinalIgnoreCase))).ToArray();
        var values = result.Written.Select(file =>
        {
            var row = rowOf is not null ? (sbyte[])input.Attributes!.Values[rowOf[file]].Clone() : Enumerable.Repeat((sbyte)-1, names.Count).ToArray();
            for (var i = 0; i < edits.Count; i++)
            {
                if (columns[i] < 0) continue;
                if (judge is not null && result.Outcomes.TryGetValue(file, out var outcome))
                    row[columns[i]] = outcome.Probabilities[judge.IndexOf(edits[i].Name)] >= EditSweep.Present ? (sbyte)1 : (sbyte)-1;
                else if (edits[i].Magnitude != 0) row[columns[i]] = edits[i].Magnitude > 0 ? (sbyte)1 : (sbyte)-1;
            }
            return row;
        }).ToArray();
        var text = new StringWriter();
        CelebAAttributeFile.Write(text, new AttributeTable(names, result.Written, values));
        return text.ToString();
    }
}
