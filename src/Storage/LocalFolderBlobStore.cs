using System.Runtime.CompilerServices;
using VaeFaces.Contracts;

namespace VaeFaces.Storage;

/// <summary>The embedded default: containers are folders under a root, blobs are files.</summary>
public sealed class LocalFolderBlobStore(string root) : IBlobStore
{
    private readonly string under = WithSeparator(Path.GetFullPath(root));

    /// <summary>Resolved, then checked to lie below the root: a location that climbs out or is absolute never reaches the disk.</summary>
    private string PathOf(BlobLocation blob)
    {
        var path = Path.GetFullPath(Path.Combine(under, blob.Container, blob.Prefix.Replace('/', Path.DirectorySeparatorChar)));
        if (path.Length <= under.Length || !path.StartsWith(under, StringComparison.Ordinal)) throw new LocationOutsideRootException(blob);
        return path;
    }

    private static string WithSeparator(string folder) => Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;

    public Task<bool> ExistsAsync(BlobLocation blob, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(blob)));

    public Task<Stream> OpenReadAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        var path = PathOf(blob);
        if (!File.Exists(path)) throw new FileNotFoundException($"blob {blob} not found", path);
        return Task.FromResult<Stream>(File.OpenRead(path));
    }

    public async Task UploadAsync(BlobLocation blob, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(blob);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = File.Create(temporary))
            {
                await content.CopyToAsync(file, cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async IAsyncEnumerable<string> ListAsync(BlobLocation location, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = PathOf(location);
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.EndsWith(".tmp", StringComparison.Ordinal)) continue;
            yield return Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
        }
        await Task.CompletedTask;
    }

    public Task DeleteAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(blob));
        return Task.CompletedTask;
    }

    public Task<string> GetLocalFolderAsync(BlobLocation location, CancellationToken cancellationToken = default) =>
        Task.FromResult(PathOf(location));

    /// <summary>An exclusive open of the file (flock on Linux): released by the OS when the process dies.</summary>
    public Task<IBlobLock?> TryLockAsync(BlobLocation blob, CancellationToken cancellationToken = default)
    {
        var path = PathOf(blob);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return Task.FromResult<IBlobLock?>(ExclusiveFile.TryOpen(path) is { } file ? new FileLock(file) : null);
    }
}
