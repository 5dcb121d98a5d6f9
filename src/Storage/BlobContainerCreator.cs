using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;

namespace VaeFaces.Storage;

/// <summary>Creates each container a store writes to once, on its first write; later writes skip the request.</summary>
internal sealed class BlobContainerCreator(BlobServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> containers = new(StringComparer.Ordinal);

    public async Task EnsureAsync(string name, CancellationToken cancellationToken)
    {
        var creation = containers.GetOrAdd(name, container => new Lazy<Task>(() => CreateAsync(container)));
        try
        {
            // One creation per container, shared: a caller that gives up does not cancel it for the others.
            await creation.Value.WaitAsync(cancellationToken);
        }
        catch when (creation.Value.IsFaulted || creation.Value.IsCanceled)
        {
            containers.TryRemove(new KeyValuePair<string, Lazy<Task>>(name, creation));
            throw;
        }
    }

    /// <summary>For a container deleted after it was created here: the next <see cref="EnsureAsync"/> creates it again.</summary>
    public void Forget(string name) => containers.TryRemove(name, out _);

    private async Task CreateAsync(string name)
    {
        try
        {
            await service.GetBlobContainerClient(name).CreateIfNotExistsAsync();
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            // Credentials scoped to an existing container (a SAS, a data-only role) may not create one: go on and let the upload tell.
        }
    }
}
