using SkiaSharp;

namespace VaeFaces.Ml.Data;

/// <summary>Decodes an image, takes the centred square and resizes it to size x size RGB bytes (HWC).</summary>
public static class ImageDecoder
{
    private static readonly SKSamplingOptions Sampling = new(SKCubicResampler.CatmullRom);

    /// <summary>
    /// The largest side decoded. A header is a few bytes that can claim 60000x60000 (14 GB as RGBA, allocated before
    /// anything is decoded). CelebA's images are 178x218; 8192 a side (256 MiB as RGBA) is more than any face photo needs.
    /// </summary>
    public const int MaxSide = 8192;

    /// <returns>null on success, else why the bytes are not a complete image.</returns>
    public static string? TryDecode(byte[] encoded, int size, Span<byte> rgb)
    {
        using var stream = new SKMemoryStream(encoded);
        using var codec = SKCodec.Create(stream, out var createResult);
        if (codec is null) return $"not a decodable image ({createResult})";
        if (codec.Info.Width > MaxSide || codec.Info.Height > MaxSide)
            return $"image is {codec.Info.Width}x{codec.Info.Height} pixels, more than {MaxSide} a side (refused before decoding)";
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var source = new SKBitmap(info);
        // Skia fills a truncated JPEG with grey and reports IncompleteInput: that is a corrupt file, not an image.
        var result = codec.GetPixels(info, source.GetPixels());
        if (result != SKCodecResult.Success) return $"corrupt image ({result})";
        FromBitmap(source, size, rgb);
        return null;
    }

    public static void FromBitmap(SKBitmap source, int size, Span<byte> rgb)
    {
        var side = Math.Min(source.Width, source.Height);
        var crop = SKRectI.Create((source.Width - side) / 2, (source.Height - side) / 2, side, side);
        using var target = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.DrawImage(image, crop, SKRect.Create(size, size), Sampling);
        }
        var pixels = target.GetPixelSpan();
        for (int i = 0, o = 0; o < size * size * 3; i += 4, o += 3)
        {
            rgb[o] = pixels[i];
            rgb[o + 1] = pixels[i + 1];
            rgb[o + 2] = pixels[i + 2];
        }
    }
}
