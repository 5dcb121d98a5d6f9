using Microsoft.Extensions.Configuration;

namespace VaeFaces.Storage;

/// <summary>The ways to make a blob store: from configuration, or an Azure one from its connection.</summary>
public static class BlobStores
{
    public const string ConnectionName = "Blobs";

    /// <summary>The local blob store's root folder when nothing else is configured (the embedded default).</summary>
    public const string DefaultRoot = "storage";

    /// <summary>
    /// Azure Blob with ConnectionStrings:Blobs (Azurite, or a storage account's connection string) or Storage:AccountUrl
    /// (DefaultAzureCredential), mirroring folders under the cache directory (none: it reads and writes single blobs only);
    /// else the local folder under the storage root, the embedded default.
    /// </summary>
    public static IBlobStore FromConfiguration(IConfiguration configuration, string storageRoot, string? cacheDirectory)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName);
        var accountUrl = configuration["Storage:AccountUrl"];
        return string.IsNullOrWhiteSpace(connectionString) && string.IsNullOrWhiteSpace(accountUrl)
            ? new LocalFolderBlobStore(storageRoot)
            : Azure(connectionString, accountUrl, cacheDirectory);
    }

    /// <summary>Azure Blob from a connection string or else an account URL (see <see cref="BlobServiceClients.Create"/>).</summary>
    public static AzureBlobStore Azure(string? connectionString, string? accountUrl, string? cacheDirectory) =>
        new(BlobServiceClients.Create(connectionString, accountUrl), cacheDirectory);

    /// <summary>The dataset folders an Azure store mirrored under a cache folder, for a size limit to evict.</summary>
    public static IEnumerable<string> MirroredFolders(string cacheDirectory) => BlobFolderMirror.Entries(cacheDirectory);

    /// <summary>Azure Blob for writing (an upload): no cache folder, so it makes no local folders.</summary>
    public static AzureBlobStore AzureForUpload(string? connectionString, string? accountUrl) =>
        new(BlobServiceClients.Create(connectionString, accountUrl), cacheDirectory: null);
}
