using VaeFaces.Contracts;
using VaeFaces.Storage;

namespace VaeFaces.UnitTests.Jobs;

/// <summary>A local folder store whose writes (uploads, deletes) fail while Down is set, as when storage goes away.</summary>
public sealed class FlakyBlobStore(string root) : IBlobStore
{
    private readonly LocalFolderBlobStore inner = new(root);

    public bool Down { get; set; }

    private void ThrowIfDown(BlobLocation blob)
    {
        if (Down) throw new IOException($"storage is down (writing {blob})");
    }

    public Task<bool> ExistsAsync(BlobLocation blob, CancellationToken cancellationToken = default) => inner.ExistsAsync(blob, cancellationToken);

    public Task<Stream> OpenReadAsync(BlobLocation blob, CancellationToken cancellationToken = default) => inner.OpenReadAsync(blob, cancellationToken);

    public Task UploadAsync(BlobLocation blob, Stream content, CancellationToken cancellationToken = default)
    {
        ThrowIfDown(blob);
        return inner.UploadAsync(blob, content, cancellationToken);
    }

    public IAsyncEnumerable<string> ListAsync(BlobLocation location, CancellationToken cancellationToken = default) => inner.ListAsync(location, cancellationToken);

    public Task DeleteAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        ThrowIfDown(blob);
        return inner.DeleteAsync(blob, cancellationToken);
    }

    public Task<string> GetLocalFolderAsync(BlobLocation location, CancellationToken cancellationToken = default) =>
        inner.GetLocalFolderAsync(location, cancellationToken);

    public Task<IBlobLock?> TryLockAsync(BlobLocation blob, CancellationToken cancellationToken = default) => inner.TryLockAsync(blob, cancellationToken);
}
