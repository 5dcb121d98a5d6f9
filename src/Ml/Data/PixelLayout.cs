namespace VaeFaces.Ml.Data;

public static class PixelLayout
{
    /// <summary>RGB bytes, interleaved (HWC), to float planes (CHW) in [0, 1].</summary>
    public static void HwcBytesToChwFloats(ReadOnlySpan<byte> source, Span<float> target)
    {
        var plane = source.Length / 3;
        for (var p = 0; p < plane; p++)
        {
            target[p] = source[3 * p] * (1f / 255f);
            target[plane + p] = source[3 * p + 1] * (1f / 255f);
            target[2 * plane + p] = source[3 * p + 2] * (1f / 255f);
        }
    }
}
