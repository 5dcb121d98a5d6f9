namespace VaeFaces.Ml.Synthetic;

/// <summary>
/// Random streams derived from (seed, stream) alone, so every image can be drawn on any thread in any order and
/// still come out the same. HashCode.Combine is not used because it is salted per process.
/// </summary>
internal static class ImageRandom
{
    /// <summary>Stream for the partition shuffle; image indices are never negative, so it cannot clash with an image.</summary>
    public const int PartitionStream = -1;

    public static Random For(int seed, int stream) => new(HashCombine(seed, stream));

    public static int HashCombine(int seed, int stream)
    {
        // SplitMix64 finaliser over both values: neighbouring seeds and indices give unrelated streams.
        var x = ((ulong)(uint)seed << 32) | (uint)stream;
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (int)(x & 0x7FFFFFFF);
    }
}
