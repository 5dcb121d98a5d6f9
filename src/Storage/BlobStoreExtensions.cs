using System.Text;
using System.Text.Json;
using VaeFaces.Contracts;

namespace VaeFaces.Storage;

public static class BlobStoreExtensions
{
    public static async Task UploadBytesAsync(this IBlobStore store, BlobLocation blob, byte[] content, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(content, writable: false);
        await store.UploadAsync(blob, stream, cancellationToken);
    }

    public static async Task<byte[]> ReadBytesAsync(this IBlobStore store, BlobLocation blob, CancellationToken cancellationToken = default)
    {
        await using var stream = await store.OpenReadAsync(blob, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    public static async Task<string> ReadTextAsync(this IBlobStore store, BlobLocation blob, CancellationToken cancellationToken = default) =>
        Encoding.UTF8.GetString(await store.ReadBytesAsync(blob, cancellationToken));

    public static async Task<T?> ReadJsonAsync<T>(this IBlobStore store, BlobLocation blob, CancellationToken cancellationToken = default)
    {
        await using var stream = await store.OpenReadAsync(blob, cancellationToken);
        return await JsonSerializer.DeserializeAsync<T>(stream, JobJson.Options, cancellationToken);
    }
}
