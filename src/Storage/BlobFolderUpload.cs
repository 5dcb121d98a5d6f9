using VaeFaces.Contracts;

namespace VaeFaces.Storage;

public static class BlobFolderUpload
{
    private const int Concurrency = 16;

    /// <summary>
    /// Uploads every file under the folder (recursively, 16 at a time) as a blob under the location, named by its path
    /// relative to the folder with '/'; existing blobs are overwritten. Reports the count of files done; returns the total.
    /// </summary>
    public static async Task<int> UploadFolderAsync(this IBlobStore store, string localFolder, BlobLocation location,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(localFolder);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"folder {localFolder} not found");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var done = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (file, token) =>
            {
                var name = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920,
                    FileOptions.Asynchronous | FileOptions.SequentialScan))
                {
                    await store.UploadAsync(location.Child(name), stream, token);
                }
                progress?.Report(Interlocked.Increment(ref done));
            });
        return files.Count;
    }
}
