using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>Creates a white raster canvas, lets the caller draw on it and returns the result as PNG bytes.</summary>
internal static class Png
{
    public static byte[] Render(int width, int height, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            draw(canvas);
        }
        return Encode(bitmap);
    }

    public static byte[] Encode(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("Skia could not encode the image as PNG.");
        return data.ToArray();
    }
}
