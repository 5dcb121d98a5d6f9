using System.Globalization;
using Microsoft.Extensions.Logging;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Latent;
using VaeFaces.Ml.Model;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Attributes;

/// <summary>
/// For chosen validation images: one row per attribute at each magnitude, and a combined multi-attribute edit. Then
/// lerp and slerp between pairs of the validation images that follow them.
/// </summary>
public sealed class ExploreAttributesJob : IJob<ExploreAttributes>
{
    public static async Task RunAsync(ExploreAttributes command, JobWorkspace job)
    {
        using var model = await job.LoadModelAsync(command.Model);
        var vectors = await AttributeVectorFiles.ReadAsync(job, command.Vectors);
        var names = command.Attributes.Count > 0 ? command.Attributes.ToList() : vectors.Keys.ToList();
        var explored = AttributeVectorFiles.Select(vectors, names.ToDictionary(n => n, _ => 1.0), nameof(command.Attributes));
        var combined = AttributeVectorFiles.Select(vectors, command.CombinedEdit, nameof(command.CombinedEdit));

        var dataset = await job.OpenDatasetAsync(command.Dataset);
        using var validation = await job.DecodeAsync(dataset, Split.Validation, model.Options.ImageSize, skipBadImages: true, 0, 0.2);
        var rows = Enumerable.Range(0, Math.Min(command.Images, validation.Count)).ToArray();
        var magnitudeLabels = command.Magnitudes.Select(m => m.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture)).ToList();

        // The validation images after the explored ones, so that the interpolation strip shows other faces.
        var pairs = command.InterpolationSteps == 0 ? 0 : Math.Min(command.InterpolationPairs, (validation.Count - rows.Length) / 2);
        var exploreEnd = pairs > 0 ? 0.8 : 1;

        var combinedBatches = new List<ImageBatch>();
        var progress = job.Stage("exploring", 0.2, exploreEnd);
        for (var i = 0; i < rows.Length; i++)
        {
            var file = validation.Images[rows[i]].File;
            var (strip, trio) = AttributeExplorer.Explore(model, ImageTensors.FromDecoded(validation, [rows[i]]), explored, combined, command.Magnitudes);
            combinedBatches.Add(trio);
            await job.WriteOutputAsync($"explore_{Path.GetFileNameWithoutExtension(file)}.png",
                ImageGrid.RenderPng(strip, command.Magnitudes.Count, scale: 2, rowLabels: explored.Select(a => a.Name).ToList(),
                    columnLabels: magnitudeLabels, title: $"{file}: attribute magnitudes"));
            progress.Report((i + 1.0) / rows.Length);
        }

        var editLabel = string.Join(", ", combined.Select(c => $"{c.Name} {c.Magnitude.ToString("+0.#;-0.#", CultureInfo.InvariantCulture)}"));
        await job.WriteOutputAsync("combined_edit.png", ImageGrid.RenderPng(ImageTensors.Concat([.. combinedBatches]), 3, scale: 2,
            columnLabels: ["original", "reconstruction", "edited"], title: editLabel));
        job.Metrics["images"] = rows.Length;
        job.Metrics["attributes"] = explored.Count;

        if (command.InterpolationSteps > 0 && pairs == 0)
            job.Logger.LogInformation("No interpolation strip: the validation split has {Count} images and the explore strips use {Used}; a pair needs 2 more",
                validation.Count, rows.Length);
        if (pairs > 0) await WriteInterpolationAsync(job, model, validation, rows.Length, pairs, command.InterpolationSteps, job.Stage("interpolating", exploreEnd, 1));
        job.Metrics["interpolation_pairs"] = pairs;
    }

    /// <summary>Pairs consecutive validation images from firstRow on: (firstRow, firstRow + 1), (firstRow + 2, firstRow + 3), ...</summary>
    private static async Task WriteInterpolationAsync(JobWorkspace job, VariationalAutoencoder model, DecodedImages validation, int firstRow,
        int pairs, int steps, IProgress<double> progress)
    {
        var strips = new List<ImageBatch>();
        for (var p = 0; p < pairs; p++)
        {
            var a = firstRow + 2 * p;
            strips.Add(InterpolationStrip.Render(model, ImageTensors.FromDecoded(validation, [a, a + 1]), steps));
            progress.Report((p + 1.0) / pairs);
        }
        await job.WriteOutputAsync("interpolation.png", ImageGrid.RenderPng(ImageTensors.Concat([.. strips]), InterpolationStrip.Columns(steps), scale: 2,
            rowLabels: InterpolationStrip.RowLabels(pairs), columnLabels: InterpolationStrip.ColumnLabels(steps), title: "lerp and slerp between z_mean codes"));
    }
}
