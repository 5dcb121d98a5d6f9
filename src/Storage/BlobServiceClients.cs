using Azure.Identity;
using Azure.Storage.Blobs;

namespace VaeFaces.Storage;

/// <summary>Makes the Azure Blob service client from what configuration gives: a connection string or an account URL.</summary>
public static class BlobServiceClients
{
    /// <summary>Azurite 3.37 rejects the newest API version the client sends (400 InvalidHeaderValue) unless started with --skipApiVersionCheck.</summary>
    public const BlobClientOptions.ServiceVersion EmulatorServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    /// <summary>
    /// From a connection string (Azurite, development) or else an account URL signed in with <see cref="DefaultAzureCredential"/>.
    /// A connection string to a local emulator pins <see cref="EmulatorServiceVersion"/>.
    /// </summary>
    public static BlobServiceClient Create(string? connectionString, string? accountUrl)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var options = TargetsEmulator(connectionString) ? new BlobClientOptions(EmulatorServiceVersion) : new BlobClientOptions();
            return new BlobServiceClient(connectionString, options);
        }
        if (!string.IsNullOrWhiteSpace(accountUrl))
        {
            if (!Uri.TryCreate(accountUrl, UriKind.Absolute, out var uri))
                throw new ArgumentException($"the storage account URL '{accountUrl}' is not an absolute URL", nameof(accountUrl));
            return new BlobServiceClient(uri, new DefaultAzureCredential());
        }
        throw new ArgumentException("Azure blob storage needs a connection string or an account URL");
    }

    /// <summary>Whether a connection string points at a local emulator (Azurite).</summary>
    public static bool TargetsEmulator(string connectionString)
    {
        // The SDK parses the connection string (UseDevelopmentStorage=true becomes Azurite's loopback endpoint).
        var client = new BlobServiceClient(connectionString);
        return client.AccountName == "devstoreaccount1" || client.Uri.IsLoopback
            || client.Uri.Host.Equals("azurite", StringComparison.OrdinalIgnoreCase);
    }
}
