using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using VaeFaces.Contracts;

namespace VaeFaces.Storage;

internal static class BlobListing
{
    /// <summary>Blobs under the location by name relative to it (folder markers left out); empty when the container is missing.</summary>
    public static async Task<Dictionary<string, BlobItem>> ListAsync(BlobServiceClient service, BlobLocation location, CancellationToken cancellationToken)
    {
        var prefix = location.Prefix.Trim('/');
        if (prefix.Length > 0) prefix += "/";
        var container = service.GetBlobContainerClient(location.Container);
        var blobs = new Dictionary<string, BlobItem>(StringComparer.Ordinal);
        try
        {
            var options = new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix, Traits = BlobTraits.Metadata };
            await foreach (var item in container.GetBlobsAsync(options, cancellationToken))
            {
                var name = item.Name[prefix.Length..];
                // Empty "folder/" markers, and the folders of accounts with a hierarchical namespace.
                if (name.Length == 0 || name.EndsWith('/')) continue;
                if (item.Metadata is { } metadata && metadata.TryGetValue("hdi_isfolder", out var folder)
                    && folder.Equals("true", StringComparison.OrdinalIgnoreCase)) continue;
                blobs[name] = item;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
        return blobs;
    }
}
