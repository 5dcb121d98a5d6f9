using Microsoft.Extensions.Configuration;

namespace VaeFaces.Worker.Storage;

public static class BlobStores
{
    public const string ConnectionName = "Blobs";

    /// <summary>
    /// Azure Blob with ConnectionStrings:Blobs (Azurite, or a storage account's connection string) or Storage:AccountUrl
    /// (DefaultAzureCredential); else the local folder Worker:StorageRoot, the embedded default.
    /// </summary>
    public static IBlobStore FromConfiguration(IConfiguration configuration, WorkerOptions options)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName);
        var accountUrl = configuration["Storage:AccountUrl"];
        return string.IsNullOrWhiteSpace(connectionString) && string.IsNullOrWhiteSpace(accountUrl)
            ? new LocalFolderBlobStore(options.StorageRoot)
            : AzureBlobStore.Create(connectionString, accountUrl, options.CacheDirectory);
    }
}
