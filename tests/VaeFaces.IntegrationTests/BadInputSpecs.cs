using MassTransit.Testing;
using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.IntegrationTests;

[Collection(SyntheticFacesCollection.Name)]
public class BadInputSpecs(SyntheticFacesFixture faces)
{
    private static string AttributeFile(string dataset) => Path.Combine(dataset, CelebAAttributes.AttributeFile);

    /// <summary>Training reads the train and validation splits only, so damage goes to a training image.</summary>
    private static (string File, int Line) TrainImage(string dataset, int nth)
    {
        var image = CelebADataset.Open(dataset).ImagesIn(Split.Train)[nth];
        return (image.File, image.AttributeLine);
    }

    [Fact]
    public async Task Truncated_attribute_file_fails_the_job_naming_the_file()
    {
        var dataset = faces.CopyDataset();
        var lines = File.ReadAllLines(AttributeFile(dataset));
        File.WriteAllLines(AttributeFile(dataset), lines[..^10]);
        var manifest = await TrainAsync(dataset);
        Assert.Contains("list_attr_celeba.txt", manifest.Error);
        Assert.Contains($"header says {SyntheticFacesFixture.Count} images but the file has {SyntheticFacesFixture.Count - 10} rows", manifest.Error);
    }

    [Fact]
    public async Task Wrong_column_count_fails_the_job_naming_the_line()
    {
        var dataset = faces.CopyDataset();
        var lines = File.ReadAllLines(AttributeFile(dataset));
        lines[41] = lines[41][..lines[41].LastIndexOf(' ')];
        File.WriteAllLines(AttributeFile(dataset), lines);
        var manifest = await TrainAsync(dataset);
        Assert.StartsWith("list_attr_celeba.txt line 42: expected 41 fields (file name and 40 attributes), found 40", manifest.Error);
    }

    [Fact]
    public async Task Missing_image_fails_the_job_naming_the_image_and_its_line()
    {
        var dataset = faces.CopyDataset();
        var (file, line) = TrainImage(dataset, 3);
        File.Delete(Path.Combine(dataset, CelebAAttributes.ImageFolder, file));
        var manifest = await TrainAsync(dataset);
        Assert.Contains($"img_align_celeba/{file} (list_attr_celeba.txt line {line}): image file not found", manifest.Error);
    }

    [Fact]
    public async Task Corrupt_jpeg_fails_the_job_or_is_counted_when_skipping()
    {
        var dataset = faces.CopyDataset();
        var (file, line) = TrainImage(dataset, 5);
        var image = Path.Combine(dataset, CelebAAttributes.ImageFolder, file);
        File.WriteAllBytes(image, File.ReadAllBytes(image)[..1000]);
        var manifest = await TrainAsync(dataset);
        Assert.Contains($"img_align_celeba/{file} (list_attr_celeba.txt line {line}): corrupt image", manifest.Error);

        var skipping = await TrainAsync(dataset, skipBadImages: true);
        Assert.Equal(JobStatus.Succeeded, skipping.Status);
        Assert.Equal(1, skipping.Metrics["skipped_images_train"]);
    }

    [Fact]
    public async Task Invalid_parameters_fail_naming_each_field()
    {
        var manifest = await TrainAsync(faces.CopyDataset(), command => command with { Epochs = 0, ImageSize = 100, Optimizer = "sgd" });
        Assert.Contains("Epochs must be at least 1", manifest.Error);
        Assert.Contains("ImageSize must be one of 64, 112, 128", manifest.Error);
        Assert.Contains("Optimizer 'sgd'", manifest.Error);
    }

    private async Task<JobManifest> TrainAsync(string dataset, bool skipBadImages = false, Func<TrainModel, TrainModel>? change = null) =>
        await TrainAsync(dataset, command => (change ?? (c => c))(command with { SkipBadImages = skipBadImages }));

    private async Task<JobManifest> TrainAsync(string dataset, Func<TrainModel, TrainModel> change)
    {
        await using var host = new JobHost(faces.Root);
        await host.StartAsync();
        // A new output beside the dataset: one inside its input, or holding another job's manifest, is refused.
        var output = new BlobLocation($"model-{Guid.NewGuid():N}");
        var command = change(new TrainModel
        {
            JobId = Guid.NewGuid(), Dataset = new BlobLocation(Path.GetFileName(dataset)), Output = output,
            ImageSize = 64, Epochs = 1, BatchSize = 32,
        });
        var manifest = await host.RunAsync(command);
        if (manifest.Status == JobStatus.Failed)
        {
            // Nothing half-written is presented: no outputs listed, no model in the output folder, and a JobFailed event.
            Assert.Empty(manifest.Outputs);
            Assert.False(File.Exists(Path.Combine(faces.Root, output.Container, output.Prefix, "model.bin")));
            Assert.True(await host.Harness.Published.Any<JobFailed>(m => m.Context.Message.JobId == command.JobId));
        }
        else
        {
            Assert.True(await host.Harness.Published.Any<JobSucceeded>(m => m.Context.Message.JobId == command.JobId));
        }
        return manifest;
    }
}
