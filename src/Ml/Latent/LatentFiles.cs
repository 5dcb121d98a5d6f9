namespace VaeFaces.Ml.Latent;

/// <summary>Names of the latent-statistics artifacts, shared by the job that writes them and everything that reads them.</summary>
public static class LatentFiles
{
    public const string Mean = "latent_mean.npy";
    public const string MeanStd = "latent_std.npy";
    public const string Spread = "latent_spread.npy";
    public const string Json = "latent_stats.json";

    public static byte[] Npy(float[] values, params int[] shape)
    {
        using var stream = new MemoryStream();
        Numerics.Npy.Write(stream, values, shape);
        return stream.ToArray();
    }

    public static float[] ReadVector(byte[] npy) => Numerics.Npy.Read(new MemoryStream(npy, writable: false)).Data;
}
