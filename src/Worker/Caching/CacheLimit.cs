using System.Collections.Concurrent;
using VaeFaces.Ml.Data;
using VaeFaces.Storage;

namespace VaeFaces.Worker.Caching;

/// <summary>
/// Keeps a worker's cache folder (decoded images and mirrored datasets, shared by the jobs and processes on this
/// machine) under a size limit by deleting the least recently used entries. Each cache records an entry's last use in
/// its modification time; an entry a running job holds (a shared lock on a sibling ".in-use" file, so other processes
/// see it too) is never deleted. Temporary files of killed processes are removed the first time the limit is applied.
/// </summary>
public sealed class CacheLimit(string directory, long limitBytes, TimeProvider? clock = null)
{
    private const string InUseSuffix = ".in-use";

    /// <summary>A temporary file untouched this long belongs to a process that died (a live write touches it constantly).</summary>
    public static readonly TimeSpan StaleTemporaryAge = TimeSpan.FromMinutes(10);

    private static readonly ConcurrentDictionary<string, CacheLimit> ByDirectory = new(StringComparer.Ordinal);

    private readonly string directory = Path.GetFullPath(directory);
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly Lock gate = new();
    private bool swept;

    /// <summary>The one instance for a worker's cache folder in this process.</summary>
    public static CacheLimit For(WorkerOptions options) =>
        ByDirectory.GetOrAdd(Path.GetFullPath(options.CacheDirectory), folder => new CacheLimit(folder, (long)(options.CacheLimitGb * (1L << 30))));

    /// <summary>Marks an entry (a decoded-image file or a mirrored folder) as used by a running job until disposed.</summary>
    /// <returns>null when the path is not in this cache.</returns>
    public IDisposable? Hold(string path)
    {
        var entry = EntryOf(Path.GetFullPath(path));
        if (entry is null) return null;
        // A shared lock: any number of jobs may hold an entry; eviction needs it exclusively. Waits out an eviction in progress.
        while (true)
        {
            try
            {
                return new FileStream(entry + InUseSuffix, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
            }
            catch (IOException) when (!Directory.Exists(Path.GetDirectoryName(entry)))
            {
                return null;
            }
            catch (IOException)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Deletes least recently used entries that no job holds until the cache fits its limit; the deleted entries.</summary>
    public IReadOnlyList<string> Apply()
    {
        lock (gate)
        {
            if (!Directory.Exists(directory)) return [];
            if (!swept) RemoveStaleTemporaries();
            swept = true;

            var entries = Entries().Select(paths => (Paths: paths, Size: paths.Sum(SizeOf), LastUse: LastUse(paths[0]))).ToList();
            var total = entries.Sum(e => e.Size);
            var evicted = new List<string>();
            foreach (var entry in entries.OrderBy(e => e.LastUse))
            {
                if (total <= limitBytes) break;
                if (!TryEvict(entry.Paths)) continue;
                total -= entry.Size;
                evicted.Add(entry.Paths[0]);
            }
            return evicted;
        }
    }

    private IEnumerable<string[]> Entries() =>
        DecodedImageCache.Entries(directory).Concat(BlobStores.MirroredFolders(directory).Select(folder => new[] { folder }));

    /// <summary>The entry a path of a job belongs to: a decoded-image file itself, or the mirrored folder above it.</summary>
    private string? EntryOf(string path) =>
        Entries().Select(paths => paths[0]).FirstOrDefault(entry => path == entry || path.StartsWith(entry + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static bool TryEvict(string[] paths)
    {
        FileStream exclusive;
        try
        {
            exclusive = new FileStream(paths[0] + InUseSuffix, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return false; // a running job holds it
        }
        using (exclusive)
        {
            foreach (var path in paths)
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                else File.Delete(path);
            }
            File.Delete(paths[0] + InUseSuffix);
        }
        return true;
    }

    private void RemoveStaleTemporaries()
    {
        var before = clock.GetUtcNow().UtcDateTime - StaleTemporaryAge;
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*.tmp", SearchOption.AllDirectories))
        {
            if (file.LastWriteTimeUtc < before) file.Delete();
        }
    }

    private static DateTime LastUse(string path) => Directory.Exists(path) ? Directory.GetLastWriteTimeUtc(path) : File.GetLastWriteTimeUtc(path);

    private static long SizeOf(string path) =>
        Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
        : File.Exists(path) ? new FileInfo(path).Length : 0;
}
