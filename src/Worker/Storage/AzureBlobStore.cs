using System.Runtime.CompilerServices;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using VaeFaces.Contracts;

namespace VaeFaces.Worker.Storage;

/// <summary>
/// Azure Blob Storage (Azurite locally). Datasets are read through a local copy kept per location and keyed by blob
/// ETag, so a second job on an unchanged dataset downloads nothing; transfers run in parallel.
/// </summary>
public sealed class AzureBlobStore(BlobServiceClient service, string cacheDirectory) : IBlobStore
{
    private const int Parallelism = 16;
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);
    private readonly HashSet<string> createdContainers = [];

    /// <summary>Blobs downloaded by GetLocalFolderAsync since this store was made (the cache's misses).</summary>
    public int DownloadedBlobCount => downloaded;
    private int downloaded;

    public static AzureBlobStore Create(string? connectionString, string? accountUrl, string cacheDirectory)
    {
        var options = new BlobClientOptions();
        // Azurite 3.37 rejects the client's newest API version unless started with --skipApiVersionCheck.
        if (connectionString is not null && IsEmulator(connectionString)) options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06);
        var service = !string.IsNullOrWhiteSpace(connectionString)
            ? new BlobServiceClient(connectionString, options)
            : new BlobServiceClient(new Uri(accountUrl ?? throw new ArgumentException("a connection string or an account URL is needed")),
                new DefaultAzureCredential(), options);
        return new AzureBlobStore(service, cacheDirectory);
    }

    private static bool IsEmulator(string connectionString) =>
        connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("devstoreaccount1", StringComparison.OrdinalIgnoreCase);

    private BlobClient Blob(BlobLocation blob) => service.GetBlobContainerClient(blob.Container).GetBlobClient(blob.Prefix);

    public async Task<bool> ExistsAsync(BlobLocation blob, CancellationToken cancellationToken = default) =>
        (await Blob(blob).ExistsAsync(cancellationToken)).Value;

    public async Task<Stream> OpenReadAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await Blob(blob).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            throw new FileNotFoundException($"blob {blob} not found", blob.ToString(), error);
        }
    }

    public async Task UploadAsync(BlobLocation blob, Stream content, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(blob.Container, cancellationToken);
        await Blob(blob).UploadAsync(content, overwrite: true, cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(BlobLocation location, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        await foreach (var (name, _) in ListWithETagsAsync(location, cancellationToken)) names.Add(name);
        foreach (var name in names.Order(StringComparer.Ordinal)) yield return name;
    }

    public Task DeleteAsync(BlobLocation blob, CancellationToken cancellationToken = default) =>
        Blob(blob).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async Task<string> GetLocalFolderAsync(BlobLocation location, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(cacheDirectory, "blobs", service.AccountName, location.Container, Hash(location.Prefix));
        Directory.CreateDirectory(folder);
        await using var guard = await LocalLock.AcquireAsync(Path.Combine(cacheDirectory, "blobs", $"{service.AccountName}-{location.Container}-{Hash(location.Prefix)}.lock"), cancellationToken);
        var index = DownloadIndex.Read(folder);
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var (name, etag) in ListWithETagsAsync(location, cancellationToken)) current[name] = etag;

        var stale = current.Where(blob => index.GetValueOrDefault(blob.Key) != blob.Value || !File.Exists(LocalPath(folder, blob.Key))).ToList();
        await Parallel.ForEachAsync(stale, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (blob, token) =>
            {
                var path = LocalPath(folder, blob.Key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temporary = $"{path}.{Guid.NewGuid():N}.part";
                await Blob(location.Child(blob.Key)).DownloadToAsync(temporary, token);
                File.Move(temporary, path, overwrite: true);
                Interlocked.Increment(ref downloaded);
            });
        foreach (var gone in index.Keys.Where(name => !current.ContainsKey(name))) File.Delete(LocalPath(folder, gone));
        DownloadIndex.Write(folder, current);
        return Path.Combine(folder, "files");
    }

    public async Task<IAsyncDisposable?> TryLockAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        var client = Blob(blob);
        await EnsureContainerAsync(blob.Container, cancellationToken);
        try
        {
            await client.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException error) when (error.Status is 409 or 412)
        {
            // The lock blob exists already (and may be leased).
        }
        var lease = client.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            return null;
        }
        return new HeldLease(lease);
    }

    private async IAsyncEnumerable<(string Name, string ETag)> ListWithETagsAsync(BlobLocation location,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = service.GetBlobContainerClient(location.Container);
        var prefix = location.Prefix.Length == 0 ? "" : location.Prefix.TrimEnd('/') + "/";
        if (!(await container.ExistsAsync(cancellationToken)).Value) yield break;
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
            yield return (item.Name[prefix.Length..], item.Properties.ETag?.ToString() ?? "");
    }

    private async Task EnsureContainerAsync(string container, CancellationToken cancellationToken)
    {
        lock (createdContainers) if (createdContainers.Contains(container)) return;
        await service.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        lock (createdContainers) createdContainers.Add(container);
    }

    private static string LocalPath(string folder, string name) => Path.Combine(folder, "files", name.Replace('/', Path.DirectorySeparatorChar));

    private static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>Renews the lease while held; a holder that dies stops renewing and the lease lapses.</summary>
    private sealed class HeldLease : IAsyncDisposable
    {
        private readonly BlobLeaseClient lease;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewing;

        public HeldLease(BlobLeaseClient lease)
        {
            this.lease = lease;
            renewing = RenewAsync();
        }

        private async Task RenewAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(LeaseDuration / 3, stop.Token);
                    await lease.RenewAsync(cancellationToken: stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Released.
            }
            catch (RequestFailedException)
            {
                // Lost (the store was unreachable past the lease); the next renewal attempt is not worth making.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await renewing;
            try
            {
                await lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Already lapsed; nothing to release.
            }
            stop.Dispose();
        }
    }
}
