using VaeFaces.Contracts;

namespace VaeFaces.Storage;

/// <summary>
/// A store whose writes (uploads, deletes) are made only while a lock is held: each is refused once the lock is lost, and
/// one in flight is cancelled when it is lost. This is fencing by check, not by the storage service: Azure's lease
/// conditions apply only to the leased blob itself, so a write that the service accepted just before the loss was
/// noticed can still land (the lease lock counts itself lost a renewal period before the service frees the lease).
/// Reads pass through.
/// </summary>
public sealed class LockedBlobStore(IBlobStore inner, IBlobLock held) : IBlobStore
{
    public Task<bool> ExistsAsync(BlobLocation blob, CancellationToken cancellationToken = default) => inner.ExistsAsync(blob, cancellationToken);

    public Task<Stream> OpenReadAsync(BlobLocation blob, CancellationToken cancellationToken = default) => inner.OpenReadAsync(blob, cancellationToken);

    public async Task UploadAsync(BlobLocation blob, Stream content, CancellationToken cancellationToken = default)
    {
        held.ThrowIfLost($"{blob}");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.Lost);
        await inner.UploadAsync(blob, content, linked.Token);
    }

    public IAsyncEnumerable<string> ListAsync(BlobLocation location, CancellationToken cancellationToken = default) => inner.ListAsync(location, cancellationToken);

    public async Task DeleteAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        held.ThrowIfLost($"(delete) {blob}");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.Lost);
        await inner.DeleteAsync(blob, linked.Token);
    }

    public Task<string> GetLocalFolderAsync(BlobLocation location, CancellationToken cancellationToken = default) =>
        inner.GetLocalFolderAsync(location, cancellationToken);

    public Task<IBlobLock?> TryLockAsync(BlobLocation blob, CancellationToken cancellationToken = default) => inner.TryLockAsync(blob, cancellationToken);
}
