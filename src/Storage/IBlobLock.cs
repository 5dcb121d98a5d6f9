namespace VaeFaces.Storage;

/// <summary>
/// An exclusive lock from <see cref="IBlobStore.TryLockAsync"/>, held until disposed. A lease-based lock can be lost while
/// its holder lives (a network partition longer than the lease, a lease broken from outside): then <see cref="Lost"/> is
/// cancelled and the holder must stop writing what the lock guards, since another may hold it soon.
/// </summary>
public interface IBlobLock : IAsyncDisposable
{
    /// <summary>Cancelled when the lock is lost (never for a lock that lasts as long as its process).</summary>
    CancellationToken Lost { get; }

    /// <summary>Why the lock was lost; null while it is held.</summary>
    string? LostReason { get; }
}

/// <summary>A write refused because the lock guarding it was lost.</summary>
public sealed class BlobLockLostException(string message) : IOException(message);

public static class BlobLockExtensions
{
    public static bool IsHeld(this IBlobLock held) => !held.Lost.IsCancellationRequested;

    public static void ThrowIfLost(this IBlobLock held, string what)
    {
        if (!held.IsHeld()) throw new BlobLockLostException($"refused to write {what}: {held.LostReason ?? "the lock was lost"}");
    }
}
