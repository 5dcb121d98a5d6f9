using VaeFaces.Contracts;

namespace VaeFaces.Worker.Storage;

public static class BlobFolderUpload
{
    /// <summary>Uploads every file under a folder, 16 at a time, named by its relative path; reports files done.</summary>
    public static async Task<int> UploadFolderAsync(this IBlobStore store, string localFolder, BlobLocation location,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(localFolder)) throw new DirectoryNotFoundException($"{localFolder} not found");
        var files = Directory.EnumerateFiles(localFolder, "*", SearchOption.AllDirectories).ToList();
        var done = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (file, token) =>
            {
                var name = Path.GetRelativePath(localFolder, file).Replace(Path.DirectorySeparatorChar, '/');
                await using (var content = File.OpenRead(file)) await store.UploadAsync(location.Child(name), content, token);
                progress?.Report(Interlocked.Increment(ref done));
            });
        return files.Count;
    }
}
