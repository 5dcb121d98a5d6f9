using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.IntegrationTests;

/// <summary>Image names in a dataset's files are names, not paths: one that leads outside the dataset fails the job.</summary>
[Collection(SyntheticFacesCollection.Name)]
public class PathTraversalSpecs(SyntheticFacesFixture faces)
{
    [Theory]
    [InlineData("parent")]
    [InlineData("/dev/zero")]
    public async Task An_image_name_leading_outside_the_dataset_fails_the_job_naming_the_file_and_line(string escape)
    {
        var dataset = faces.CopyDataset();
        var image = CelebADataset.Open(dataset).ImagesIn(Split.Train)[4];
        var name = escape;
        if (escape == "parent")
        {
            // A real face outside the dataset, so that reading it is a success the job would report as its own.
            name = $"../../{Path.GetFileName(dataset)}-outside.jpg";
            File.Copy(Path.Combine(dataset, CelebAAttributes.ImageFolder, image.File), Path.Combine(faces.Root, name[6..]));
        }
        // Renamed in both files, so the partition file does not give it away first.
        Rename(Path.Combine(dataset, CelebAAttributes.AttributeFile), image.File, name);
        Rename(Path.Combine(dataset, CelebAAttributes.PartitionFile), image.File, name);

        await using var host = new JobHost(faces.Root);
        await host.StartAsync();
        var command = new TrainModel
        {
            JobId = Guid.NewGuid(), Dataset = new BlobLocation(Path.GetFileName(dataset)), Output = new BlobLocation($"{Path.GetFileName(dataset)}-model"),
            ImageSize = 64, LatentDim = 16, Epochs = 1, BatchSize = 64,
        };
        var manifest = await host.RunAsync(command, TimeSpan.FromMinutes(2));

        Assert.Equal(JobStatus.Failed, manifest.Status);
        Assert.Equal($"list_attr_celeba.txt line {image.AttributeLine}: image name '{name}' must be a plain file name " +
            "(no '/' or '\\', not '.' or '..', no control characters)", manifest.Error);
        Assert.Empty(manifest.Outputs);
        Assert.True(await host.Harness.Published.Any<JobFailed>(m => m.Context.Message.JobId == command.JobId));
    }

    private static void Rename(string file, string from, string to) =>
        File.WriteAllLines(file, File.ReadAllLines(file).Select(line => line.StartsWith(from + " ", StringComparison.Ordinal) ? to + line[from.Length..] : line));
}
