using System.Collections.Concurrent;
using VaeFaces.Ml.Exploring;

namespace VaeFaces.Scheduler.Explorer;

/// <summary>A set held in memory: the explorer, the test-split faces to start from, and the codes already computed.</summary>
public sealed class LoadedExplorer(ExplorerSet set, LatentExplorer explorer, IReadOnlyList<string> faces) : IDisposable
{
    /// <summary>Codes by face ("file:NAME" or "seed:N"); a slider move decodes only.</summary>
    private readonly ConcurrentDictionary<string, float[]> codes = new();

    public ExplorerSet Set => set;
    public LatentExplorer Explorer => explorer;
    public IReadOnlyList<string> Faces => faces;

    public async Task<float[]> CodeAsync(string face, Func<Task<byte[]>> image)
    {
        if (codes.TryGetValue(face, out var code)) return code;
        code = face.StartsWith("seed:", StringComparison.Ordinal)
            ? explorer.Sample(int.Parse(face[5..], System.Globalization.CultureInfo.InvariantCulture))
            : explorer.Encode(await image(), face[5..]);
        return codes.GetOrAdd(face, code);
    }

    public void Dispose() => explorer.Dispose();
}
