using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using VaeFaces.Contracts;

namespace VaeFaces.Worker.Storage;

/// <summary>
/// Azure Blob Storage (or Azurite). Datasets are mirrored into a cache folder on this machine that later calls, jobs and
/// processes reuse, downloading only what changed; locks are blob leases kept alive by renewal.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    /// <summary>Azurite 3.37 rejects the newest API version the client sends (400 InvalidHeaderValue) unless started with --skipApiVersionCheck.</summary>
    public const BlobClientOptions.ServiceVersion EmulatorServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    private const int Concurrency = 16;
    private const string IndexFile = "index.json";
    private static readonly TimeSpan IndexCheckpointInterval = TimeSpan.FromSeconds(5);

    private readonly BlobServiceClient service;
    private readonly string cacheDirectory;
    private readonly ConcurrentDictionary<string, Lazy<Task>> containers = new(StringComparer.Ordinal);
    private int downloadedBlobCount;
    private long downloadedBytes;

    public AzureBlobStore(BlobServiceClient service, string cacheDirectory)
    {
        this.service = service;
        this.cacheDirectory = Path.GetFullPath(cacheDirectory);
    }

    /// <summary>
    /// From a connection string (Azurite, development) or else an account URL signed in with <see cref="DefaultAzureCredential"/>.
    /// A connection string to a local emulator pins <see cref="EmulatorServiceVersion"/>.
    /// </summary>
    public static AzureBlobStore Create(string? connectionString, string? accountUrl, string cacheDirectory)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var options = TargetsEmulator(connectionString) ? new BlobClientOptions(EmulatorServiceVersion) : new BlobClientOptions();
            return new AzureBlobStore(new BlobServiceClient(connectionString, options), cacheDirectory);
        }
        if (!string.IsNullOrWhiteSpace(accountUrl))
        {
            if (!Uri.TryCreate(accountUrl, UriKind.Absolute, out var uri))
                throw new ArgumentException($"the storage account URL '{accountUrl}' is not an absolute URL", nameof(accountUrl));
            return new AzureBlobStore(new BlobServiceClient(uri, new DefaultAzureCredential()), cacheDirectory);
        }
        throw new ArgumentException("Azure blob storage needs a connection string or an account URL");
    }

    /// <summary>Whether a connection string points at a local emulator (Azurite).</summary>
    public static bool TargetsEmulator(string connectionString)
    {
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals < 0) continue;
            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (key.Equals("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase) && value.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            if (key.Equals("AccountName", StringComparison.OrdinalIgnoreCase) && value.Equals("devstoreaccount1", StringComparison.Ordinal)) return true;
            if (key.Equals("BlobEndpoint", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(value, UriKind.Absolute, out var endpoint)
                && (endpoint.IsLoopback || endpoint.Host.Equals("azurite", StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }

    /// <summary>Blobs downloaded by <see cref="GetLocalFolderAsync"/> through this instance.</summary>
    public int DownloadedBlobCount => Volatile.Read(ref downloadedBlobCount);

    /// <summary>Bytes downloaded by <see cref="GetLocalFolderAsync"/> through this instance.</summary>
    public long DownloadedBytes => Interlocked.Read(ref downloadedBytes);

    public async Task<bool> ExistsAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await Blob(blob).ExistsAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<Stream> OpenReadAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        try
        {
            // One request; the SDK resumes a broken stream only from the same ETag, so the content is one version.
            var download = await Blob(blob).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"blob {blob} not found", blob.ToString(), e);
        }
    }

    /// <summary>Overwrites the blob (a block blob commit, so readers see the old or the new content), creating the container if missing.</summary>
    public async Task UploadAsync(BlobLocation blob, Stream content, CancellationToken cancellationToken = default)
    {
        var client = Blob(blob);
        await EnsureContainerAsync(blob.Container, cancellationToken);
        var start = content.CanSeek ? content.Position : 0;
        try
        {
            await client.UploadAsync(content, overwrite: true, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound && content.CanSeek)
        {
            // The container was deleted after this store created it.
            ForgetContainer(blob.Container);
            await EnsureContainerAsync(blob.Container, cancellationToken);
            content.Position = start;
            await client.UploadAsync(content, overwrite: true, cancellationToken);
        }
    }

    /// <summary>Names relative to the location, recursively, in ordinal order; none when the container does not exist.</summary>
    public async IAsyncEnumerable<string> ListAsync(BlobLocation location, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var blobs = await ListBlobsAsync(location, cancellationToken);
        foreach (var name in blobs.Keys.Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return name;
        }
    }

    public async Task DeleteAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        try
        {
            await Blob(blob).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container is gone too.
        }
    }

    /// <summary>
    /// Mirrors the blobs under the location into a cache folder (cacheDirectory/blobs/endpoint/container/hash of prefix/files)
    /// and returns it. One listing per call; only blobs whose ETag differs from the index (or that are new, or whose local
    /// file is missing or has another length) are downloaded, and local files whose blob is gone are deleted, so unchanged
    /// files keep their timestamps. Processes on this machine take turns through a lock file.
    /// </summary>
    public async Task<string> GetLocalFolderAsync(BlobLocation location, CancellationToken cancellationToken = default)
    {
        var root = CacheFolderOf(location);
        var files = Path.Combine(root, "files");
        var partial = Path.Combine(root, "partial");
        var indexPath = Path.Combine(root, IndexFile);
        Directory.CreateDirectory(root);
        await using var folderLock = await LockFileAsync(Path.Combine(root, ".lock"), cancellationToken);

        // Downloads of a killed process.
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(files);

        var listed = await ListBlobsAsync(location, cancellationToken);
        var index = ReadIndex(indexPath);
        var local = new Dictionary<string, long>(StringComparer.Ordinal);
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in new DirectoryInfo(files).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(files, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (listed.ContainsKey(name))
            {
                local[name] = file.Length;
                continue;
            }
            file.Delete();
            emptied.Add(file.DirectoryName!);
        }
        DeleteEmptyFolders(emptied, files);

        // The index only ever names a file with the ETag of the content it holds: changed entries leave it before their download.
        var current = new ConcurrentDictionary<string, IndexEntry>(StringComparer.Ordinal);
        var wanted = new List<(string Name, BlobItem Item)>();
        foreach (var (name, item) in listed)
        {
            if (index.TryGetValue(name, out var entry) && TagOf(item.Properties.ETag) == entry.ETag
                && local.TryGetValue(name, out var length) && length == entry.Length)
            {
                current[name] = entry;
            }
            else
            {
                wanted.Add((name, item));
            }
        }
        if (wanted.Count == 0 && current.Count == index.Count) return files;
        WriteIndex(indexPath, current);
        if (wanted.Count == 0) return files;

        Directory.CreateDirectory(partial);
        var container = service.GetBlobContainerClient(location.Container);
        var checkpointClock = Stopwatch.StartNew();
        var checkpointGate = new object();
        try
        {
            await Parallel.ForEachAsync(wanted.OrderByDescending(blob => blob.Item.Properties.ContentLength ?? 0),
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                async (blob, token) =>
                {
                    var target = LocalPathOf(files, blob.Name);
                    var temporary = Path.Combine(partial, Guid.NewGuid().ToString("N"));
                    Response response;
                    try
                    {
                        response = await container.GetBlobClient(blob.Item.Name).DownloadToAsync(temporary, token);
                    }
                    catch (RequestFailedException e) when (e.Status == 404)
                    {
                        // Deleted since the listing.
                        File.Delete(temporary);
                        File.Delete(target);
                        return;
                    }
                    var length = new FileInfo(temporary).Length;
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Move(temporary, target, overwrite: true);
                    // The ETag of the content downloaded, which may be newer than the listing's.
                    current[blob.Name] = new IndexEntry(TagOf(response.Headers.ETag ?? blob.Item.Properties.ETag), length);
                    Interlocked.Increment(ref downloadedBlobCount);
                    Interlocked.Add(ref downloadedBytes, length);
                    // A killed process keeps what it finished.
                    if (checkpointClock.Elapsed >= IndexCheckpointInterval && Monitor.TryEnter(checkpointGate))
                    {
                        try
                        {
                            WriteIndex(indexPath, current);
                            checkpointClock.Restart();
                        }
                        finally
                        {
                            Monitor.Exit(checkpointGate);
                        }
                    }
                });
        }
        finally
        {
            // Also when cancelled or failed: what finished is kept.
            lock (checkpointGate) WriteIndex(indexPath, current);
        }
        Directory.Delete(partial, recursive: true);
        return files;
    }

    /// <summary>
    /// A 15 s lease on the blob (created empty if missing), renewed every 5 s until disposed, then released;
    /// null while another holder has it. A holder that dies loses it when the lease expires.
    /// </summary>
    public async Task<IAsyncDisposable?> TryLockAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        var client = Blob(blob);
        await EnsureContainerAsync(blob.Container, cancellationToken);
        try
        {
            await client.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // It exists (and may be leased).
        }
        var lease = client.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // LeaseAlreadyPresent (or a lease being broken).
            return null;
        }
        return new LeaseHolder(lease, LeaseRenewal);
    }

    internal TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    internal TimeSpan LeaseRenewal { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>cacheDirectory/blobs/endpoint/container/first 32 hex digits of the prefix's SHA-256.</summary>
    internal string CacheFolderOf(BlobLocation location)
    {
        var uri = service.Uri;
        var endpoint = uri.Host + (uri.IsDefaultPort ? "" : $"_{uri.Port}") + uri.AbsolutePath.TrimEnd('/').Replace('/', '_');
        var prefix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(location.Prefix.Trim('/'))))[..32];
        return Path.Combine(cacheDirectory, "blobs", SafeName(endpoint), SafeName(location.Container), prefix);
    }

    private BlobClient Blob(BlobLocation blob)
    {
        if (blob.Prefix.Trim('/').Length == 0) throw new ArgumentException($"{blob} names a container, not a blob", nameof(blob));
        return service.GetBlobContainerClient(blob.Container).GetBlobClient(blob.Prefix);
    }

    /// <summary>Blobs under the location by name relative to it (folder markers left out); empty when the container is missing.</summary>
    private async Task<Dictionary<string, BlobItem>> ListBlobsAsync(BlobLocation location, CancellationToken cancellationToken)
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

    private static string LocalPathOf(string folder, string name)
    {
        var path = Path.GetFullPath(Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidDataException($"blob name '{name}' leads out of the local folder");
        return path;
    }

    /// <summary>An ETag as text, without quotes, whether it came from a listing or a response header.</summary>
    private static string TagOf(ETag? tag)
    {
        var text = tag?.ToString() ?? "";
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        return text.Trim('"');
    }

    /// <summary>Folders left empty by deleted files, up to (not including) the root.</summary>
    private static void DeleteEmptyFolders(IEnumerable<string> folders, string root)
    {
        foreach (var start in folders.OrderByDescending(folder => folder.Length))
        {
            for (var folder = start; folder.Length > root.Length && folder.StartsWith(root, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder)!)
            {
                if (!Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).Any()) break;
                Directory.Delete(folder);
            }
        }
    }

    private static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new StringBuilder(name.Length);
        foreach (var c in name) safe.Append(invalid.Contains(c) || c == ':' ? '_' : c);
        return safe.ToString();
    }

    private async Task EnsureContainerAsync(string name, CancellationToken cancellationToken)
    {
        var creation = containers.GetOrAdd(name, container => new Lazy<Task>(() => CreateContainerAsync(container)));
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

    private async Task CreateContainerAsync(string name)
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

    private void ForgetContainer(string name) => containers.TryRemove(name, out _);

    /// <summary>An exclusive open (flock on Linux) of the lock file, waited for; the OS releases it when a process dies.</summary>
    private static async Task<FileStream> LockFileAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not DirectoryNotFoundException and not PathTooLongException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    private sealed record IndexEntry(string ETag, long Length);

    private static Dictionary<string, IndexEntry> ReadIndex(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<Dictionary<string, IndexEntry>>(stream, JobJson.Options) is { } index
                ? new Dictionary<string, IndexEntry>(index, StringComparer.Ordinal)
                : new Dictionary<string, IndexEntry>(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is FileNotFoundException or JsonException)
        {
            // None yet, or damaged: everything is downloaded again.
            return new Dictionary<string, IndexEntry>(StringComparer.Ordinal);
        }
    }

    /// <summary>Written to a temporary file and renamed over the index, so it is always whole.</summary>
    private static void WriteIndex(string path, IEnumerable<KeyValuePair<string, IndexEntry>> entries)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = File.Create(temporary))
            {
                JsonSerializer.Serialize(stream, new SortedDictionary<string, IndexEntry>(entries.ToDictionary(), StringComparer.Ordinal), JobJson.Options);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Keeps the lease alive until disposed, then releases it.</summary>
    private sealed class LeaseHolder : IAsyncDisposable
    {
        private readonly BlobLeaseClient lease;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewing;
        private int disposed;

        public LeaseHolder(BlobLeaseClient lease, TimeSpan renewal)
        {
            this.lease = lease;
            renewing = RenewAsync(renewal);
        }

        private async Task RenewAsync(TimeSpan every)
        {
            try
            {
                using var timer = new PeriodicTimer(every);
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    try
                    {
                        await lease.RenewAsync(cancellationToken: stop.Token);
                    }
                    catch (Exception) when (!stop.IsCancellationRequested)
                    {
                        // A failed renewal is tried again at the next tick; the lease lasts three periods.
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0) return;
            await stop.CancelAsync();
            await renewing;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await lease.ReleaseAsync(cancellationToken: timeout.Token);
            }
            catch (Exception)
            {
                // The lease expires anyway.
            }
            stop.Dispose();
        }
    }
}
