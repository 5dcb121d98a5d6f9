namespace VaeFaces.Storage;

/// <summary>
/// A file opened exclusively (flock on Linux) as a lock between processes on this machine: the OS releases it when the
/// process holding it dies.
/// </summary>
internal static class ExclusiveFile
{
    /// <summary>The open file, or null while another holder has it.</summary>
    public static FileStream? TryOpen(string path)
    {
        try
        {
            return Open(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The open file, waited for.</summary>
    public static async Task<FileStream> OpenAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return Open(path);
            }
            catch (IOException e) when (e is not DirectoryNotFoundException and not PathTooLongException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    private static FileStream Open(string path) => new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
}
