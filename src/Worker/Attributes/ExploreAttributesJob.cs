using System.Globalization;
using TorchSharp;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;
using VaeFaces.Worker.Jobs;
using static TorchSharp.torch;

namespace VaeFaces.Worker.Attributes;

/// <summary>For chosen validation images: one row per attribute at each magnitude, and a combined multi-attribute edit.</summary>
public static class ExploreAttributesJob
{
    public static async Task RunAsync(ExploreAttributes command, JobContext job)
    {
        using var model = await job.LoadModelAsync(command.Model);
        var vectors = await AttributeVectorFiles.ReadAsync(job, command.Vectors);
        var names = command.Attributes.Count > 0 ? command.Attributes.ToList() : vectors.Keys.ToList();
        var explored = AttributeVectorFiles.Select(vectors, names.ToDictionary(n => n, _ => 1.0), nameof(command.Attributes));
        var combined = AttributeVectorFiles.Select(vectors, command.CombinedEdit, nameof(command.CombinedEdit));

        var dataset = await job.OpenDatasetAsync(command.Dataset);
        using var validation = await job.DecodeAsync(dataset, Split.Validation, model.Options.ImageSize, skipBadImages: true, 0, 0.2);
        var rows = Enumerable.Range(0, Math.Min(command.Images, validation.Count)).ToArray();
        var originals = ImageTensors.FromDecoded(validation, rows);
        var device = Devices.Best();
        var magnitudeLabels = command.Magnitudes.Select(m => m.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture)).ToList();

        var combinedBatches = new List<ImageBatch>();
        var progress = job.Stage("exploring", 0.2, 1);
        for (var i = 0; i < rows.Length; i++)
        {
            var file = validation.Images[rows[i]].File;
            var image = originals.Pixels.AsSpan(i * validation.BytesPerImage, validation.BytesPerImage).ToArray();
            var (strip, trio) = Render(model, image, validation.Size, explored, combined, command.Magnitudes);
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
    }

    /// <summary>Synchronous on purpose: TorchSharp dispose scopes and grad mode belong to the calling thread.</summary>
    private static (ImageBatch Strip, ImageBatch Trio) Render(VariationalAutoencoder model, float[] pixels, int size,
        List<(string Name, float[] Vector, double Magnitude)> explored, List<(string Name, float[] Vector, double Magnitude)> combined,
        IReadOnlyList<double> magnitudes)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var image = torch.tensor(pixels, [1, 3, size, size]).to(Devices.Best());
        var (z, _) = model.Encode(image);
        // One decode per (attribute, magnitude): rows are attributes, columns magnitudes.
        var strip = torch.cat(explored.SelectMany(a => magnitudes.Select(m => LatentEdits.Apply(z, [(a.Name, a.Vector, m)]))).ToList(), 0);
        var trio = torch.cat([image, model.Decode(z), model.Decode(LatentEdits.Apply(z, combined))], 0);
        return (ImageTensors.ToBatch(model.Decode(strip)), ImageTensors.ToBatch(trio));
    }
}
