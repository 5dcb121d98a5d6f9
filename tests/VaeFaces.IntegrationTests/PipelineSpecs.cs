using System.Text.Json;
using SkiaSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Synthetic;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;
using VaeFaces.Contracts;

namespace VaeFaces.IntegrationTests;

[Collection(SyntheticFacesCollection.Name)]
public class PipelineSpecs(SyntheticFacesFixture faces)
{
    [Fact]
    public async Task Killed_pipeline_resumes_training_from_its_checkpoint_and_completes()
    {
        var output = Path.Combine(faces.Root, $"pipeline-{Guid.NewGuid():N}");
        string[] arguments =
        [
            "pipeline", "--dataset", faces.Dataset, "--out", output, "--image-size", "64", "--epochs", "10", "--batch-size", "16",
            "--lr", "0.001", "--patience", "0", "--checkpoint-every", "5", "--edit", "Smiling=2",
        ];

        using (var first = DotnetProcess.Cli(arguments))
        {
            var checkpoints = Path.Combine(output, "model", "checkpoints");
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!(Directory.Exists(checkpoints) && Directory.EnumerateFiles(checkpoints, "*.ckpt").Any()))
            {
                Assert.True(DateTime.UtcNow < deadline, "no checkpoint within 3 minutes:\n" + first.Output);
                await Task.Delay(100);
            }
            first.Kill();
            Assert.DoesNotContain("Resuming training", first.Output);
        }

        using var second = DotnetProcess.Cli(arguments);
        Assert.True(await second.WaitAsync(TimeSpan.FromMinutes(10)) == 0, second.Output);
        Assert.Contains("Resuming training from checkpoint", second.Output);
        Assert.Contains("ETA", second.Output);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        // A short run on 600 faces: it must beat the mean image, and the strongest attributes must separate.
        // The demo checks the real quality bar (0.35 x baseline, AUC >= 0.9).
        Assert.True(root.GetProperty("val_recon_mse").GetDouble() < 0.9 * root.GetProperty("baseline_recon_mse").GetDouble(), root.ToString());
        var auc = root.GetProperty("attribute_auc").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(SyntheticFaceGenerator.DrawnAttributes.Order(), auc.Keys.Order());
        Assert.True(auc["Pale_Skin"] > 0.9 && auc["Black_Hair"] > 0.9, string.Join(", ", auc));

        var pngs = root.GetProperty("pngs").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(pngs, p => p.EndsWith("reconstructions.png", StringComparison.Ordinal));
        Assert.Contains(pngs, p => p.EndsWith("before_after.png", StringComparison.Ordinal));
        Assert.Contains(pngs, p => p.EndsWith("interpolation.png", StringComparison.Ordinal));
        foreach (var png in pngs) AssertNotBlank(png);

        // Lineage: the statistics and vectors name the model job that produced their model.
        var trainId = root.GetProperty("job_ids").GetProperty("TrainModel").GetGuid();
        foreach (var step in new[] { "statistics", "vectors", "explore", "evaluation", "edited" })
        {
            var manifest = JsonSerializer.Deserialize<JobManifest>(await File.ReadAllTextAsync(Path.Combine(output, step, "manifest.json")), JobJson.Options)!;
            Assert.Equal(JobStatus.Succeeded, manifest.Status);
            Assert.Equal(trainId, manifest.Inputs.Single(i => i.Name == "model").JobId);
        }

        // The judge trained by the pipeline calibrates the bulk edit and scores the evaluation.
        var judgeId = root.GetProperty("job_ids").GetProperty("TrainAttributeClassifier").GetGuid();
        foreach (var step in new[] { "evaluation", "edited" })
        {
            var manifest = JsonSerializer.Deserialize<JobManifest>(await File.ReadAllTextAsync(Path.Combine(output, step, "manifest.json")), JobJson.Options)!;
            Assert.Equal(judgeId, manifest.Inputs.Single(i => i.Name == "judge").JobId);
        }
        foreach (var field in new[] { "judge_auc", "edit_success", "edit_preservation" })
            Assert.All(root.GetProperty(field).EnumerateObject(), p => Assert.InRange(p.Value.GetDouble(), 0, 1));
        Assert.Equal(root.GetProperty("edit_success").EnumerateObject().Select(p => p.Name), root.GetProperty("edit_method").EnumerateObject().Select(p => p.Name));
        Assert.Contains(pngs, p => p.EndsWith("success_vs_preservation.png", StringComparison.Ordinal));
        Assert.Contains(pngs, p => p.EndsWith("edits.png", StringComparison.Ordinal));

        // The bulk edit is itself a trainable dataset: the test split, with Smiling as the judge sees each edited image.
        var edited = CelebADataset.Open(Path.Combine(output, "edited"));
        var source = CelebADataset.Open(faces.Dataset);
        Assert.Equal(source.ImagesIn(Split.Test).Select(i => i.File), edited.Images.Select(i => i.File));
        Assert.All(edited.Images, i => Assert.Equal(Split.Test, i.Split));
        using var calibration = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "edited", "calibration.json")));
        var scores = calibration.RootElement.GetProperty("perImage").EnumerateArray()
            .ToDictionary(i => i.GetProperty("file").GetString()!, i => i.GetProperty("score").GetDouble());
        var smiling = edited.Attributes.IndexOf("Smiling");
        Assert.All(edited.Images, i => Assert.Equal(scores[i.File] >= 0.5 ? 1 : -1, i.Attributes[smiling]));
    }

    [Fact]
    public async Task A_failed_pipeline_says_which_job_failed_and_why_with_no_figures_and_no_stack_trace()
    {
        var dataset = faces.CopyDataset();
        var image = CelebADataset.Open(dataset).ImagesIn(Split.Train)[4];
        File.Delete(Path.Combine(dataset, CelebAAttributes.ImageFolder, image.File));
        var output = Path.Combine(faces.Root, $"failed-{Guid.NewGuid():N}");

        using var process = DotnetProcess.Cli("pipeline", "--dataset", dataset, "--out", output, "--image-size", "64", "--epochs", "1", "--edit", "Smiling=2");
        Assert.Equal(1, await process.WaitAsync(TimeSpan.FromMinutes(3)));

        var expected = $"img_align_celeba/{image.File} (list_attr_celeba.txt line {image.AttributeLine}): image file not found";
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal("Failed", root.GetProperty("status").GetString());
        Assert.Equal("TrainModel", root.GetProperty("failed_job").GetString());
        Assert.Contains(expected, root.GetProperty("error").GetString());
        foreach (var figure in new[] { "val_recon_mse", "baseline_recon_mse", "recon_to_baseline_ratio", "attribute_auc" })
            Assert.False(root.TryGetProperty(figure, out _), $"a failure summary holds {figure}: {root}");
        // An input error is one clear line: no stack frames in the log.
        Assert.Contains(expected, process.Output);
        // (The console logger writes an exception on the log line: "... DatasetException: ...    at VaeFaces.Ml...".)
        Assert.DoesNotContain(" at VaeFaces.", process.Output);
        Assert.DoesNotContain(nameof(DatasetException), process.Output);
    }

    [Fact]
    public async Task An_edit_on_an_attribute_with_too_few_positives_is_refused_before_training()
    {
        var dataset = faces.CopyDataset();
        var attributes = Path.Combine(dataset, CelebAAttributes.AttributeFile);
        AttributeTable table;
        using (var reader = new StreamReader(attributes)) table = CelebAAttributeFile.Parse(reader, CelebAAttributes.AttributeFile);
        var eyeglasses = table.IndexOf("Eyeglasses");
        var train = CelebADataset.Open(dataset).ImagesIn(Split.Train).Select(i => i.File).ToHashSet();
        var positives = 0;
        for (var row = 0; row < table.Files.Count; row++)
        {
            if (!train.Contains(table.Files[row])) continue;
            table.Values[row][eyeglasses] = (sbyte)(positives < 3 ? 1 : -1);
            positives++;
        }
        using (var writer = new StreamWriter(attributes)) CelebAAttributeFile.Write(writer, table);
        var output = Path.Combine(faces.Root, $"refused-{Guid.NewGuid():N}");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var process = DotnetProcess.Cli("pipeline", "--dataset", dataset, "--out", output, "--image-size", "64", "--epochs", "3",
            "--edit", "Smiling=2,Eyeglasses=-2");
        Assert.Equal(1, await process.WaitAsync(TimeSpan.FromMinutes(5)));

        Assert.False(Directory.Exists(Path.Combine(output, "model")), "training started:\n" + process.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"refused after {clock.Elapsed}");
        Assert.Contains("EditImages refused before any job started", process.Output);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json")));
        Assert.Equal("EditImages", summary.RootElement.GetProperty("failed_job").GetString());
        Assert.Matches("^Edits: Eyeglasses will get no attribute vector: 3 positives and [0-9]+ negatives in the train split; " +
            "it needs at least 20 positives and 20 negatives$", summary.RootElement.GetProperty("error").GetString());
    }

    private static void AssertNotBlank(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 3)
            for (var x = 0; x < bitmap.Width; x += 3)
                colours.Add((uint)bitmap.GetPixel(x, y));
        Assert.True(colours.Count > 50, $"{png} has only {colours.Count} colours");
    }
}
