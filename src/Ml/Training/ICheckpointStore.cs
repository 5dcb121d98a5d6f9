namespace VaeFaces.Ml.Training;

/// <summary>Where the trainer keeps its latest checkpoint; a save replaces the previous one atomically.</summary>
public interface ICheckpointStore
{
    /// <returns>The latest checkpoint, or null when there is none.</returns>
    Stream? OpenLatest();

    void Save(Action<Stream> write);
}
