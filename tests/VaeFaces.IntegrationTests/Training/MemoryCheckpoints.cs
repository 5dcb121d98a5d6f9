using VaeFaces.Ml.Training;

namespace VaeFaces.IntegrationTests.Training;

/// <summary>A checkpoint store in memory, for trainer specs that need no blob store.</summary>
internal sealed class MemoryCheckpoints : ICheckpointStore
{
    public byte[]? Latest { get; private set; }
    public int Saves { get; private set; }

    public Task<Stream?> OpenLatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(Latest is null ? null : new MemoryStream(Latest));

    public Task SaveAsync(Action<Stream> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        Latest = buffer.ToArray();
        Saves++;
        return Task.CompletedTask;
    }
}
