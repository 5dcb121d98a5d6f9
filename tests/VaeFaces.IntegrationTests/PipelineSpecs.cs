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
        foreach (var png in pngs) AssertNotBlank(png);

        // Lineage: the statistics and vectors name the model job that produced their model.
        var trainId = root.GetProperty("job_ids").GetProperty("TrainModel").GetGuid();
        foreach (var step in new[] { "statistics", "vectors", "explore", "edited" })
        {
            var manifest = JsonSerializer.Deserialize<JobManifest>(await File.ReadAllTextAsync(Path.Combine(output, step, "manifest.json")), JobJson.Options)!;
            Assert.Equal(JobStatus.Succeeded, manifest.Status);
            Assert.Equal(trainId, manifest.Inputs.Single(i => i.Name == "model").JobId);
        }

        // The bulk edit is itself a trainable dataset: the test split, with Smiling set.
        var edited = CelebADataset.Open(Path.Combine(output, "edited"));
        var source = CelebADataset.Open(faces.Dataset);
        Assert.Equal(source.ImagesIn(Split.Test).Select(i => i.File), edited.Images.Select(i => i.File));
        var smiling = edited.Attributes.IndexOf("Smiling");
        Assert.All(edited.Images, i => Assert.Equal(1, i.Attributes[smiling]));
        Assert.All(edited.Images, i => Assert.Equal(Split.Test, i.Split));
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
