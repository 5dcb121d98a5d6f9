namespace VaeFaces.Storage;

/// <summary>
/// The local store's lock: an exclusively opened file (flock on Linux). It lasts as long as the process holding it, so it
/// is never lost while its holder can still write; the OS releases it when the process dies.
/// </summary>
internal sealed class FileLock(FileStream file) : IBlobLock
{
    public CancellationToken Lost => CancellationToken.None;

    public string? LostReason => null;

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
