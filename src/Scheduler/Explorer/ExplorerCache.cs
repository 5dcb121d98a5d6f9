using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Exploring;
using VaeFaces.Ml.Latent;
using VaeFaces.Ml.Model;
using VaeFaces.Storage;

namespace VaeFaces.Scheduler.Explorer;

/// <summary>
/// Explorers loaded from blob storage and kept in memory, the most recently used few, so that a slider move costs one
/// decode. A set that cannot be loaded says why in one line (<see cref="ExplorerSetException"/>).
/// </summary>
public sealed class ExplorerCache(IBlobStore blobs, ILogger<ExplorerCache> logger) : IDisposable
{
    /// <summary>Sets held at once; a 64x64 model with its vectors is a few MB.</summary>
    public const int Capacity = 4;

    /// <summary>Test-split faces offered as starting points.</summary>
    public const int FacesShown = 12;

    private readonly Lock gate = new();
    private readonly LinkedList<(ExplorerSet Set, Task<LoadedExplorer> Loading)> loaded = new();

    public Task<LoadedExplorer> GetAsync(ExplorerSet set, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            for (var node = loaded.First; node is not null; node = node.Next)
            {
                if (node.Value.Set != set) continue;
                if (node.Value.Loading.IsFaulted || node.Value.Loading.IsCanceled)
                {
                    loaded.Remove(node);
                    break;
                }
                loaded.Remove(node);
                loaded.AddFirst(node);
                return node.Value.Loading;
            }
            // Loaded outside the request's token: another request may be waiting for the same set.
            var loading = LoadAsync(set, CancellationToken.None);
            loaded.AddFirst((set, loading));
            while (loaded.Count > Capacity)
            {
                var evicted = loaded.Last!.Value.Loading;
                loaded.RemoveLast();
                // LatentExplorer serialises its calls, so disposing waits for one in progress.
                evicted.ContinueWith(t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
            }
            return loading.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Errors that mean the set (or a face of it) cannot be used, as opposed to bugs: their message says which file and why.</summary>
    public static bool IsSetProblem(Exception error) =>
        error is ExplorerSetException or DatasetException or FileNotFoundException or InvalidDataException or LocationOutsideRootException;

    private async Task<LoadedExplorer> LoadAsync(ExplorerSet set, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var vectorsDocument = await blobs.ReadJsonAsync<AttributeVectorsDocument>(
            await Required(set.Vectors, AttributeVectorsDocument.JsonFile, "no attribute vectors", cancellationToken), cancellationToken)
            ?? throw new ExplorerSetException($"{set.Vectors}/{AttributeVectorsDocument.JsonFile} is empty");
        var vectors = vectorsDocument.Rows(LatentFiles.ReadVector(await blobs.ReadBytesAsync(
            await Required(set.Vectors, AttributeVectorsDocument.NpyFile, "no attribute vectors", cancellationToken), cancellationToken)));
        float[]? mean = null, spread = null;
        if (set.Statistics is { } statistics)
        {
            mean = LatentFiles.ReadVector(await blobs.ReadBytesAsync(await Required(statistics, LatentFiles.Mean, "no latent statistics", cancellationToken), cancellationToken));
            spread = LatentFiles.ReadVector(await blobs.ReadBytesAsync(await Required(statistics, LatentFiles.Spread, "no latent statistics", cancellationToken), cancellationToken));
        }
        var weights = await Required(set.Model, ModelFile.WeightsName, "no trained model", cancellationToken);
        var options = await blobs.ReadTextAsync(set.Model.Child(ModelFile.OptionsName), cancellationToken);
        VariationalAutoencoder model;
        await using (var stream = await blobs.OpenReadAsync(weights, cancellationToken))
            model = ModelFile.Load(stream, options);
        var dims = model.Options.LatentDim;
        if (vectorsDocument.Dims != dims || (mean is not null && mean.Length != dims))
        {
            model.Dispose();
            throw new ExplorerSetException($"the model at {set.Model} has {dims} latent dimensions, but the vectors have {vectorsDocument.Dims}"
                + (mean is null ? "" : $" and the statistics {mean.Length}"));
        }
        var faces = await TestFacesAsync(set.Dataset, cancellationToken);
        logger.LogInformation("Explorer loaded {Model} with {Vectors} vectors in {Ms:0} ms", set.Model, vectors.Count, started.Elapsed.TotalMilliseconds);
        return new LoadedExplorer(set, new LatentExplorer(model, vectors, mean, spread), faces);
    }

    /// <summary>The first test-split images by name; a dataset without a partition file offers its first images.</summary>
    private async Task<IReadOnlyList<string>> TestFacesAsync(BlobLocation dataset, CancellationToken cancellationToken)
    {
        var partition = dataset.Child(CelebAAttributes.PartitionFile);
        if (await blobs.ExistsAsync(partition, cancellationToken))
        {
            var splits = CelebAPartitionFile.Parse(new StringReader(await blobs.ReadTextAsync(partition, cancellationToken)), partition.ToString());
            return splits.Where(s => s.Value == Split.Test).Select(s => s.Key).Order(StringComparer.Ordinal).Take(FacesShown).ToList();
        }
        var files = new List<string>();
        await foreach (var name in blobs.ListAsync(dataset.Child(CelebAAttributes.ImageFolder), cancellationToken))
            files.Add(name);
        if (files.Count == 0) throw new ExplorerSetException($"no images under {dataset}/{CelebAAttributes.ImageFolder}");
        return files.Order(StringComparer.Ordinal).Take(FacesShown).ToList();
    }

    private async Task<BlobLocation> Required(BlobLocation folder, string file, string what, CancellationToken cancellationToken)
    {
        var blob = folder.Child(file);
        return await blobs.ExistsAsync(blob, cancellationToken) ? blob : throw new ExplorerSetException($"{what} at {folder}: {file} not found");
    }

    public void Dispose()
    {
        foreach (var (_, loading) in loaded)
            if (loading.IsCompletedSuccessfully) loading.Result.Dispose();
    }
}

/// <summary>A set the explorer cannot load: a missing or mismatched file, named.</summary>
public sealed class ExplorerSetException(string message) : Exception(message);
