using VaeFaces.Ml.Training;

namespace VaeFaces.IntegrationTests.Training;

/// <summary>A checkpoint store in memory, for trainer specs that need no blob store.</summary>
internal sealed class MemoryCheckpoints : ICheckpointStore
{
    public byte[]? Latest { get; private set; }
    public int Saves { get; private set; }
    public Stream? OpenLatest() => Latest is null ? null : new MemoryStream(Latest);

    public void Save(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        Latest = buffer.ToArray();
        Saves++;
    }
}
