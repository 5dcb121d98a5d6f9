using SkiaSharp;

namespace VaeFaces.Ml.Data;

public static class ImageEncoder
{
    /// <summary>Encodes one float CHW RGB image in [0, 1] as JPEG.</summary>
    public static byte[] Jpeg(ReadOnlySpan<float> chw, int height, int width, int quality)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var plane = height * width;
        for (var p = 0; p < plane; p++)
        {
            pixels[4 * p] = ToByte(chw[p]);
            pixels[4 * p + 1] = ToByte(chw[plane + p]);
            pixels[4 * p + 2] = ToByte(chw[2 * plane + p]);
            pixels[4 * p + 3] = 255;
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    private static byte ToByte(float value) => (byte)Math.Clamp((int)MathF.Round(value * 255f), 0, 255);
}
