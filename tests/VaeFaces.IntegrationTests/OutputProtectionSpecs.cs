using System.Security.Cryptography;
using VaeFaces.Contracts;
using VaeFaces.Storage;
using VaeFaces.Worker.Attributes;
using VaeFaces.Worker.Jobs;
using VaeFaces.Ml.Latent;

namespace VaeFaces.IntegrationTests;

/// <summary>A job never writes over what it reads or over another job's results: it is refused and touches nothing there.</summary>
[Collection(SyntheticFacesCollection.Name)]
public class OutputProtectionSpecs(SyntheticFacesFixture faces)
{
    [Theory]
    [InlineData("")]
    [InlineData("edited")]
    public async Task An_edit_writing_into_its_own_input_is_refused_and_the_input_stays_byte_for_byte(string outputPrefix)
    {
        await using var host = new JobHost(faces.Root);
        await host.StartAsync();
        var training = JobHost.SmallTraining("edit-model");
        Assert.Equal(JobStatus.Succeeded, (await host.RunAsync(training)).Status);
        var vectors = await WriteVectorsAsync(host.Store, training.LatentDim);

        var dataset = faces.CopyDataset();
        var input = new BlobLocation(Path.GetFileName(dataset));
        var before = Snapshot(dataset);
        var command = new EditImages
        {
            JobId = Guid.NewGuid(), Model = training.Output, Vectors = vectors, Input = input, Output = input with { Prefix = outputPrefix },
            Edits = new Dictionary<string, double> { ["Smiling"] = 3 }, Split = "test",
        };
        var end = await EndOfAsync(host, command);

        Assert.Equal(before, Snapshot(dataset));
        Assert.Equal($"invalid EditImages parameters: Output overlaps Input ({input}): a job must not write where it reads; choose another output",
            Assert.IsType<JobFailed>(end).Reason);
    }

    [Fact]
    public async Task A_job_whose_output_holds_another_jobs_results_is_refused_and_leaves_them_as_they_were()
    {
        await using var host = new JobHost(faces.Root);
        await host.StartAsync();
        var owner = JobHost.SmallTraining("owner");
        Assert.Equal(JobStatus.Succeeded, (await host.RunAsync(owner)).Status);
        var folder = await host.Store.GetLocalFolderAsync(owner.Output);
        var before = Snapshot(folder);

        var intruder = JobHost.SmallTraining("intruder") with { Output = owner.Output, Seed = 3 };
        var end = await EndOfAsync(host, intruder);

        Assert.Equal(before, Snapshot(folder));
        Assert.Equal($"output {owner.Output} holds the results of job {owner.JobId} (TrainModel, Succeeded); choose another output",
            Assert.IsType<JobFailed>(end).Reason);
        Assert.Empty(host.Harness.Published.Select<JobStarted>(m => m.Context.Message.JobId == intruder.JobId));
    }

    /// <summary>Zero vectors for a few attributes: an edit by them still re-encodes and rewrites every image.</summary>
    private static async Task<BlobLocation> WriteVectorsAsync(IBlobStore store, int dims)
    {
        var location = new BlobLocation($"vectors-{Guid.NewGuid():N}");
        string[] names = ["Smiling", "Male"];
        await store.UploadBytesAsync(location.Child(AttributeVectorsDocument.NpyFile), LatentFiles.Npy(new float[names.Length * dims], names.Length, dims));
        await store.UploadBytesAsync(location.Child(AttributeVectorsDocument.JsonFile), JobJson.Serialize(new AttributeVectorsDocument(dims, "train", "test",
            [.. names.Select(n => new AttributeVectorInfo(n, 10, 10, 0, null, 0, 0))], [])));
        return location;
    }

    /// <summary>
    /// Every file under the folder with a hash of its bytes, but the job lock: the refused job may still hold it (its
    /// final event goes out before it lets go), and it is the worker's lock, not a result.
    /// </summary>
    private static SortedDictionary<string, string> Snapshot(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(file => Path.GetFileName(file) != "job.lock").ToDictionary(
            file => Path.GetRelativePath(folder, file),
            file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))),
        StringComparer.Ordinal);

    /// <summary>Publishes the command and waits for its final event: a refused job writes no manifest to follow.</summary>
    private static async Task<object> EndOfAsync<T>(JobHost host, T command) where T : class, IJobCommand
    {
        await host.Harness.Bus.Publish(command);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (host.Harness.Published.Select<JobFailed>(m => m.Context.Message.JobId == command.JobId).FirstOrDefault() is { } failed)
                return failed.Context.Message;
            if (host.Harness.Published.Select<JobSucceeded>(m => m.Context.Message.JobId == command.JobId).FirstOrDefault() is { } succeeded)
                return succeeded.Context.Message;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{typeof(T).Name} {command.JobId} did not end within the timeout");
    }
}
