using VaeFaces.Contracts;

namespace VaeFaces.Storage;

/// <summary>Blob-shaped storage (container + name, streams), so Azure Blob can replace the local folder.</summary>
public interface IBlobStore
{
    Task<bool> ExistsAsync(BlobLocation blob, CancellationToken cancellationToken = default);

    /// <exception cref="FileNotFoundException">The blob does not exist.</exception>
    Task<Stream> OpenReadAsync(BlobLocation blob, CancellationToken cancellationToken = default);

    /// <summary>Replaces the blob as a whole: readers never see a partly written blob.</summary>
    Task UploadAsync(BlobLocation blob, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Names (relative to the location) of all blobs under it, recursively.</summary>
    IAsyncEnumerable<string> ListAsync(BlobLocation location, CancellationToken cancellationToken = default);

    Task DeleteAsync(BlobLocation blob, CancellationToken cancellationToken = default);

    /// <summary>A local folder holding the blobs under the location, downloading them if needed.</summary>
    Task<string> GetLocalFolderAsync(BlobLocation location, CancellationToken cancellationToken = default);

    /// <summary>
    /// An exclusive lock named by a blob, held until disposed; null when another holder has it. A holder that dies
    /// loses it (a process lock, or a short blob lease that the holder keeps renewing); a lease can also be lost while its
    /// holder lives, which <see cref="IBlobLock.Lost"/> signals.
    /// </summary>
    Task<IBlobLock?> TryLockAsync(BlobLocation blob, CancellationToken cancellationToken = default);
}
