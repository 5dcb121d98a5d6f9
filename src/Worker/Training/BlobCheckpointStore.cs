using VaeFaces.Contracts;
using VaeFaces.Ml.Training;
using VaeFaces.Storage;

namespace VaeFaces.Worker.Training;

/// <summary>Keeps the latest training checkpoint as one blob; an upload replaces it whole.</summary>
public sealed class BlobCheckpointStore(IBlobStore store, BlobLocation blob) : ICheckpointStore
{
    public async Task<Stream?> OpenLatestAsync(CancellationToken cancellationToken)
    {
        if (!await store.ExistsAsync(blob, cancellationToken)) return null;
        return new MemoryStream(await store.ReadBytesAsync(blob, cancellationToken), writable: false);
    }

    public async Task SaveAsync(Action<Stream> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        await store.UploadAsync(blob, buffer, cancellationToken);
    }
}
