using VaeFaces.Contracts;
using VaeFaces.Ml.Numerics;
using VaeFaces.Storage;

namespace VaeFaces.Worker.Latent;

/// <summary>Names of the latent-statistics artifacts, shared by the job that writes them and the jobs that read them.</summary>
public static class LatentFiles
{
    public const string Mean = "latent_mean.npy";
    public const string MeanStd = "latent_std.npy";
    public const string Spread = "latent_spread.npy";
    public const string Json = "latent_stats.json";

    public static byte[] Npy(float[] values, params int[] shape)
    {
        using var stream = new MemoryStream();
        Ml.Numerics.Npy.Write(stream, values, shape);
        return stream.ToArray();
    }

    public static async Task<float[]> ReadVectorAsync(IBlobStore store, BlobLocation blob, CancellationToken token) =>
        Ml.Numerics.Npy.Read(new MemoryStream(await store.ReadBytesAsync(blob, token), writable: false)).Data;
}
