namespace VaeFaces.Ml.Training;

/// <summary>Where the trainer keeps its latest checkpoint; a save replaces the previous one atomically.</summary>
public interface ICheckpointStore
{
    /// <returns>The latest checkpoint, or null when there is none.</returns>
    Task<Stream?> OpenLatestAsync(CancellationToken cancellationToken);

    /// <summary>Stores what <paramref name="write"/> writes as the latest checkpoint.</summary>
    Task SaveAsync(Action<Stream> write, CancellationToken cancellationToken);
}
