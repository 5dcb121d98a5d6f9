using SkiaSharp;

namespace VaeFaces.UnitTests.Imaging;

/// <summary>The first colours of matplotlib's "tab10", which the plots use for their series in order.</summary>
internal static class Tab10
{
    public static readonly SKColor Blue = new(0x1f, 0x77, 0xb4);
    public static readonly SKColor Orange = new(0xff, 0x7f, 0x0e);
}
