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

    /// <summary>
    /// Grey to black pixels (text, axes) in the rectangle from (left, top) of the given size: every channel below
    /// darkerThan. Small text is antialiased into greys, so it needs a lighter threshold than large text.
    /// </summary>
    public int Ink(int left, int top, int width, int height, int darkerThan = 110)
    {
        var count = 0;
        for (var y = Math.Max(0, top); y < Math.Min(Height, top + height); y++)
            for (var x = Math.Max(0, left); x < Math.Min(Width, left + width); x++)
                if (this[x, y] is var p && Math.Max(p.Red, Math.Max(p.Green, p.Blue)) < darkerThan) count++;
        return count;
    }

    /// <summary>
    /// Whether the rectangle holds something shaped like text rather than lines: at least minimum rows and minimum
    /// columns that each cross two or more separate runs of ink, as strokes of letters do. A frame, grid or tick
    /// line is one run along its row or column, and a tick mark touching the frame joins it into one.
    /// </summary>
    public bool HasText(int left, int top, int width, int height, int minimum = 5, int darkerThan = 110)
    {
        bool Dark(int x, int y) => Ink(x, y, 1, 1, darkerThan) == 1;
        static int Runs(IEnumerable<bool> line) => line.Zip(line.Skip(1).Append(false)).Count(p => p.First && !p.Second);
        var rows = Enumerable.Range(top, height).Count(y => Runs(Enumerable.Range(left, width).Select(x => Dark(x, y))) >= 2);
        var columns = Enumerable.Range(left, width).Count(x => Runs(Enumerable.Range(top, height).Select(y => Dark(x, y))) >= 2);
        return rows >= minimum && columns >= minimum;
    }

    public void Dispose() => bitmap.Dispose();
}
