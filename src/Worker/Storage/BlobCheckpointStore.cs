using VaeFaces.Contracts;
using VaeFaces.Ml.Training;

namespace VaeFaces.Worker.Storage;

/// <summary>Keeps the latest training checkpoint as one blob; an upload replaces it whole.</summary>
public sealed class BlobCheckpointStore(IBlobStore store, BlobLocation blob) : ICheckpointStore
{
    public Stream? OpenLatest()
    {
        if (!store.ExistsAsync(blob).GetAwaiter().GetResult()) return null;
        var buffer = new MemoryStream(store.ReadBytesAsync(blob).GetAwaiter().GetResult(), writable: false);
        return buffer;
    }

    public void Save(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        store.UploadAsync(blob, buffer).GetAwaiter().GetResult();
    }
}
