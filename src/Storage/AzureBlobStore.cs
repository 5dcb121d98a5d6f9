using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using VaeFaces.Contracts;

namespace VaeFaces.Storage;

/// <summary>
/// Azure Blob Storage (or Azurite). Datasets are mirrored into a cache folder on this machine that later calls, jobs and
/// processes reuse, downloading only what changed; locks are blob leases kept alive by renewal.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobServiceClient service;
    private readonly BlobFolderMirror? mirror;
    private readonly BlobContainerCreator containers;

    /// <param name="cacheDirectory">Where <see cref="GetLocalFolderAsync"/> keeps its copies; null for a store that only
    /// writes and reads single blobs (an upload), which then has no local folders.</param>
    public AzureBlobStore(BlobServiceClient service, string? cacheDirectory)
    {
        this.service = service;
        mirror = cacheDirectory is null ? null : new BlobFolderMirror(service, cacheDirectory);
        containers = new BlobContainerCreator(service);
    }

    /// <summary>Blobs downloaded by <see cref="GetLocalFolderAsync"/> through this instance.</summary>
    public int DownloadedBlobCount => mirror?.DownloadedBlobCount ?? 0;

    internal TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    internal TimeSpan LeaseRenewal { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>False also when the container does not exist (the SDK's ExistsAsync treats both as absent).</summary>
    public async Task<bool> ExistsAsync(BlobLocation blob, CancellationToken cancellationToken = default) =>
        (await Blob(blob).ExistsAsync(cancellationToken)).Value;

    public async Task<Stream> OpenReadAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        try
        {
            // One request; the SDK resumes a broken stream only from the same ETag, so the content is one version.
            var download = await Blob(blob).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"blob {blob} not found", blob.ToString(), e);
        }
    }

    /// <summary>Overwrites the blob (a block blob commit, so readers see the old or the new content), creating the container if missing.</summary>
    public async Task UploadAsync(BlobLocation blob, Stream content, CancellationToken cancellationToken = default)
    {
        var client = Blob(blob);
        await containers.EnsureAsync(blob.Container, cancellationToken);
        var start = content.CanSeek ? content.Position : 0;
        try
        {
            await client.UploadAsync(content, overwrite: true, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound && content.CanSeek)
        {
            // The container was deleted after this store created it.
            containers.Forget(blob.Container);
            await containers.EnsureAsync(blob.Container, cancellationToken);
            content.Position = start;
            await client.UploadAsync(content, overwrite: true, cancellationToken);
        }
    }

    /// <summary>Names relative to the location, recursively, in ordinal order; none when the container does not exist.</summary>
    public async IAsyncEnumerable<string> ListAsync(BlobLocation location, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var blobs = await BlobListing.ListAsync(service, location, cancellationToken);
        foreach (var name in blobs.Keys.Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return name;
        }
    }

    /// <summary>Nothing to do when the blob or its container is gone (DeleteIfExistsAsync covers both).</summary>
    public Task DeleteAsync(BlobLocation blob, CancellationToken cancellationToken = default) =>
        Blob(blob).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <inheritdoc cref="BlobFolderMirror.GetLocalFolderAsync"/>
    public Task<string> GetLocalFolderAsync(BlobLocation location, CancellationToken cancellationToken = default) =>
        mirror is null
            ? throw new InvalidOperationException($"this blob store was made without a cache folder, so it has no local copy of {location}")
            : mirror.GetLocalFolderAsync(location, cancellationToken);

    /// <summary>
    /// A 15 s lease on the blob (created empty if missing), renewed every 5 s until disposed, then released;
    /// null while another holder has it. A holder that dies loses it when the lease expires; a holder whose renewals
    /// fail for 10 s, or whose lease was broken or taken, counts it lost (see <see cref="BlobLease"/>).
    /// </summary>
    public async Task<IBlobLock?> TryLockAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        var client = Blob(blob);
        await containers.EnsureAsync(blob.Container, cancellationToken);
        return await BlobLease.TryAcquireAsync(client, LeaseDuration, LeaseRenewal, cancellationToken);
    }

    private BlobClient Blob(BlobLocation blob)
    {
        if (blob.Prefix.Trim('/').Length == 0) throw new ArgumentException($"{blob} names a container, not a blob", nameof(blob));
        return service.GetBlobContainerClient(blob.Container).GetBlobClient(blob.Prefix);
    }
}
