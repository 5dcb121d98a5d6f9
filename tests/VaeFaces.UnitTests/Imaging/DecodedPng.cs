using SkiaSharp;

namespace VaeFaces.UnitTests.Imaging;

/// <summary>Decodes rendered PNG bytes so that specs can check size and pixel colours.</summary>
internal sealed class DecodedPng : IDisposable
{
    private readonly SKBitmap bitmap;

    public DecodedPng(byte[] png)
    {
        Assert.True(png.Length > 8 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "not a PNG");
        bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("PNG did not decode");
    }

    public int Width => bitmap.Width;
    public int Height => bitmap.Height;

    /// <summary>The pixel's colour without alpha (all renderings are opaque).</summary>
    public SKColor this[int x, int y] => bitmap.GetPixel(x, y).WithAlpha(255);

    public IEnumerable<SKColor> Pixels()
    {
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                yield return this[x, y];
    }

    public int DistinctColours() => Pixels().Distinct().Count();

    public int Count(SKColor colour) => Pixels().Count(p => p == colour);

    public void Dispose() => bitmap.Dispose();
}
