using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VaeFaces.Contracts;
using VaeFaces.Ml.Common;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Model;
using VaeFaces.Ml.Training;
using VaeFaces.Storage;
using VaeFaces.Worker.Caching;
using VaeFaces.Worker.Training;

namespace VaeFaces.Worker.Jobs;

/// <summary>
/// What a running job works with: its store, progress, inputs (lineage), outputs, metrics and timings. The cache entries
/// it reads (a mirrored dataset, decoded images) are held until it is disposed, so the cache's size limit spares them.
/// </summary>
public sealed class JobWorkspace(IBlobStore store, WorkerOptions options, ILogger logger, IProgress<WorkProgress> progress,
    BlobLocation output, CancellationToken cancellationToken) : IDisposable
{
    private readonly CacheLimit cache = CacheLimit.For(options);
    private readonly List<IDisposable> held = [];

    public IBlobStore Store { get; } = store;
    public ILogger Logger { get; } = logger;
    public IProgress<WorkProgress> Progress { get; } = progress;
    public BlobLocation Output { get; } = output;
    public CancellationToken CancellationToken { get; } = cancellationToken;
    public List<JobInput> Inputs { get; } = [];
    public List<string> Outputs { get; } = [];
    public Dictionary<string, double> Metrics { get; } = [];
    public Dictionary<string, double> TimingsSeconds { get; } = [];
    public bool Resumed { get; set; }

    /// <summary>The batch log of a training job, or null when WorkerOptions.BatchLogDirectory is not set.</summary>
    public BatchLog? BatchLog(Guid jobId) =>
        options.BatchLogDirectory is { Length: > 0 } folder ? new BatchLog(Path.Combine(folder, $"{jobId}.batches.csv")) : null;

    public IProgress<double> Stage(string name, double from, double to) => new StageProgress(Progress, name, from, to);

    public async Task WriteOutputAsync(string name, byte[] content)
    {
        await Store.UploadBytesAsync(Output.Child(name), content, CancellationToken);
        if (!Outputs.Contains(name)) Outputs.Add(name);
    }

    public Task WriteJsonAsync<T>(string name, T value) => WriteOutputAsync(name, JobJson.Serialize(value));

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        var result = await work();
        TimingsSeconds[stage] = Math.Round(TimingsSeconds.GetValueOrDefault(stage) + clock.Elapsed.TotalSeconds, 3);
        return result;
    }

    public async Task<CelebADataset> OpenDatasetAsync(BlobLocation location)
    {
        var folder = await Store.GetLocalFolderAsync(location, CancellationToken);
        if (cache.Hold(folder) is { } hold)
        {
            held.Add(hold);
            // Evicted between the download and the hold: fetched again, now held.
            if (!Directory.Exists(folder)) folder = await Store.GetLocalFolderAsync(location, CancellationToken);
            LimitCache();
        }
        var dataset = CelebADataset.Open(folder, location.ToString());
        Inputs.Add(new JobInput("dataset", location, null, null));
        return dataset;
    }

    public Task<DecodedImages> DecodeAsync(CelebADataset dataset, Split split, int size, bool skipBadImages, double from, double to)
    {
        var images = dataset.ImagesIn(split);
        if (images.Count == 0) throw new DatasetException(CelebAAttributes.PartitionFile, null, $"the {split} split has no images");
        return DecodeAsync(dataset, images, split.ToString().ToLowerInvariant(), size, skipBadImages, from, to);
    }

    /// <summary>Decodes the images through the cache shared by jobs on this machine.</summary>
    public Task<DecodedImages> DecodeAsync(CelebADataset dataset, IReadOnlyList<DatasetImage> images, string name, int size,
        bool skipBadImages, double from, double to) =>
        TimeAsync($"decode_{name}", () => Task.Run(() =>
        {
            var stage = Stage($"decoding {name}", from, to);
            var decoded = new DecodedImageCache(options.CacheDirectory).Load(dataset, images, size, skipBadImages,
                new SynchronousProgress<int>(done => stage.Report((double)done / images.Count)), CancellationToken);
            // Mapped already, so even an eviction before the hold cannot take the pixels from under this job.
            if (cache.Hold(decoded.Path) is { } hold) held.Add(hold);
            LimitCache();
            if (decoded.Skipped > 0)
            {
                Logger.LogWarning("Skipped {Skipped} bad images of {Name}", decoded.Skipped, name);
                Metrics[$"skipped_images_{name}"] = decoded.Skipped;
            }
            return decoded;
        }, CancellationToken));

    private void LimitCache()
    {
        foreach (var evicted in cache.Apply()) Logger.LogInformation("Cache over {Limit} GiB: deleted {Entry}, the least recently used", options.CacheLimitGb, evicted);
    }

    public void Dispose()
    {
        foreach (var hold in held) hold.Dispose();
        held.Clear();
    }

    /// <summary>Loads a trained model and records which job produced it.</summary>
    public async Task<VariationalAutoencoder> LoadModelAsync(BlobLocation location)
    {
        var weights = location.Child(ModelFile.WeightsName);
        if (!await Store.ExistsAsync(weights, CancellationToken))
            throw new JobInputException($"no trained model at {location}: {ModelFile.WeightsName} not found");
        var optionsJson = await Store.ReadTextAsync(location.Child(ModelFile.OptionsName), CancellationToken);
        await using var stream = await Store.OpenReadAsync(weights, CancellationToken);
        var model = ModelFile.Load(stream, optionsJson);
        await AddLineageAsync("model", location);
        return model;
    }

    /// <summary>Records an input produced by another job, read from that job's manifest.</summary>
    public async Task AddLineageAsync(string name, BlobLocation location)
    {
        var manifestBlob = location.Child(JobManifest.FileName);
        var manifest = await Store.ExistsAsync(manifestBlob, CancellationToken)
            ? await Store.ReadJsonAsync<JobManifest>(manifestBlob, CancellationToken)
            : null;
        if (manifest is { Status: not JobStatus.Succeeded })
            throw new JobInputException($"{name} at {location} comes from job {manifest.JobId} which ended {manifest.Status}");
        Inputs.Add(new JobInput(name, location, manifest?.JobId, manifest?.Kind));
    }
}
