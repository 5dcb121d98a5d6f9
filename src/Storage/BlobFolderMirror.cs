using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using VaeFaces.Contracts;
using Entry = VaeFaces.Storage.BlobFolderIndex.Entry;

namespace VaeFaces.Storage;

/// <summary>
/// Local copies of blob folders in a cache folder that later calls, jobs and processes on this machine reuse,
/// downloading only what changed since (by ETag).
/// </summary>
internal sealed class BlobFolderMirror(BlobServiceClient service, string cacheDirectory)
{
    private const int Concurrency = 16;
    private static readonly TimeSpan IndexCheckpointInterval = TimeSpan.FromSeconds(5);

    private readonly string cacheDirectory = Path.GetFullPath(cacheDirectory);
    private int downloadedBlobCount;

    /// <summary>Blobs downloaded by <see cref="GetLocalFolderAsync"/> through this instance.</summary>
    public int DownloadedBlobCount => Volatile.Read(ref downloadedBlobCount);

    /// <summary>
    /// Mirrors the blobs under the location into a cache folder (cacheDirectory/blobs/endpoint/container/hash of prefix/files)
    /// and returns it. One listing per call; only blobs whose ETag differs from the index (or that are new, or whose local
    /// file is missing or has another length) are downloaded, and local files whose blob is gone are deleted, so unchanged
    /// files keep their timestamps. Processes on this machine take turns through a lock file.
    /// </summary>
    public async Task<string> GetLocalFolderAsync(BlobLocation location, CancellationToken cancellationToken)
    {
        var root = CacheFolderOf(location);
        var files = Path.Combine(root, "files");
        var partial = Path.Combine(root, "partial");
        var indexPath = Path.Combine(root, BlobFolderIndex.FileName);
        Directory.CreateDirectory(root);
        // The last use, by which a size limit evicts the least recently used folder (see Entries).
        Directory.SetLastWriteTimeUtc(root, DateTime.UtcNow);
        await using var folderLock = await ExclusiveFile.OpenAsync(Path.Combine(root, ".lock"), cancellationToken);

        // Downloads of a killed process.
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
        Directory.CreateDirectory(files);

        var listed = await BlobListing.ListAsync(service, location, cancellationToken);
        var index = BlobFolderIndex.Read(indexPath);
        var local = KeepListedFiles(files, listed);

        // The index only ever names a file with the ETag of the content it holds: changed entries leave it before their download.
        var current = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        var wanted = new List<(string Name, BlobItem Item)>();
        foreach (var (name, item) in listed)
        {
            if (index.TryGetValue(name, out var entry) && BlobFolderIndex.TagOf(item.Properties.ETag) == entry.ETag
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
        BlobFolderIndex.Write(indexPath, current);
        if (wanted.Count == 0) return files;

        Directory.CreateDirectory(partial);
        try
        {
            await DownloadAsync(location.Container, wanted, files, partial, indexPath, current, cancellationToken);
        }
        finally
        {
            // Also when a download failed (a full disk, storage down): no half-downloaded files are left behind.
            Directory.Delete(partial, recursive: true);
        }
        return files;
    }

    /// <summary>The mirrored folders in a cache folder, each an entry whose time is its last use.</summary>
    public static IEnumerable<string> Entries(string cacheDirectory)
    {
        var blobs = Path.Combine(cacheDirectory, "blobs");
        return Directory.Exists(blobs)
            ? Directory.EnumerateDirectories(blobs).SelectMany(Directory.EnumerateDirectories).SelectMany(Directory.EnumerateDirectories)
            : [];
    }

    /// <summary>cacheDirectory/blobs/endpoint/container/first 32 hex digits of the prefix's SHA-256.</summary>
    private string CacheFolderOf(BlobLocation location)
    {
        var uri = service.Uri;
        var endpoint = uri.Host + (uri.IsDefaultPort ? "" : $"_{uri.Port}") + uri.AbsolutePath.TrimEnd('/').Replace('/', '_');
        var prefix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(location.Prefix.Trim('/'))))[..32];
        return Path.Combine(cacheDirectory, "blobs", SafeName(endpoint), SafeName(location.Container), prefix);
    }

    /// <summary>Deletes the local files whose blob is not listed (and the folders they leave empty); the lengths of the others.</summary>
    private static Dictionary<string, long> KeepListedFiles(string files, Dictionary<string, BlobItem> listed)
    {
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
        return local;
    }

    /// <summary>Downloads the wanted blobs, largest first, each into partial and then moved into place, adding them to the index.</summary>
    private async Task DownloadAsync(string containerName, List<(string Name, BlobItem Item)> wanted, string files, string partial,
        string indexPath, ConcurrentDictionary<string, Entry> current, CancellationToken cancellationToken)
    {
        var container = service.GetBlobContainerClient(containerName);
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
                    current[blob.Name] = new Entry(BlobFolderIndex.TagOf(response.Headers.ETag ?? blob.Item.Properties.ETag), length);
                    Interlocked.Increment(ref downloadedBlobCount);
                    // A killed process keeps what it finished.
                    if (checkpointClock.Elapsed >= IndexCheckpointInterval && Monitor.TryEnter(checkpointGate))
                    {
                        try
                        {
                            BlobFolderIndex.Write(indexPath, current);
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
            lock (checkpointGate) BlobFolderIndex.Write(indexPath, current);
        }
    }

    private static string LocalPathOf(string folder, string name)
    {
        var path = Path.GetFullPath(Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidDataException($"blob name '{name}' leads out of the local folder");
        return path;
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

    private static string SafeName(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ':' ? '_' : c));
}
