// TEMPORARY - delete when the storage branch is merged.
// Stand-ins for src/Worker/Storage/AzureBlobStore.cs and src/Worker/Storage/BlobFolderUpload.cs, which another branch
// adds, so that upload-dataset compiles before the merge. Same names, namespace and signatures; every call throws.
using VaeFaces.Contracts;

namespace VaeFaces.Worker.Storage;

public sealed class AzureBlobStore : IBlobStore
{
    public static AzureBlobStore Create(string? connectionString, string? accountUrl, string cacheDirectory) =>
        throw new NotImplementedException("AzureBlobStore is a stand-in until the storage branch is merged");

    public Task<bool> ExistsAsync(BlobLocation blob, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<Stream> OpenReadAsync(BlobLocation blob, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task UploadAsync(BlobLocation blob, Stream content, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public IAsyncEnumerable<string> ListAsync(BlobLocation location, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task DeleteAsync(BlobLocation blob, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<string> GetLocalFolderAsync(BlobLocation location, CancellationToken cancellationToken = default) => throw new NotImplementedException();
    public Task<IAsyncDisposable?> TryLockAsync(BlobLocation blob, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}

public static class BlobFolderUpload
{
    public static Task<int> UploadFolderAsync(this IBlobStore store, string localFolder, BlobLocation location,
        IProgress<int>? progress, CancellationToken cancellationToken) =>
        throw new NotImplementedException("UploadFolderAsync is a stand-in until the storage branch is merged");
}
