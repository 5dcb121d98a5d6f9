using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>Distinct series colours (matplotlib's "tab10"), reused cyclically.</summary>
internal static class Palette
{
    private static readonly SKColor[] Colors =
    [
        new(0x1f, 0x77, 0xb4), new(0xff, 0x7f, 0x0e), new(0x2c, 0xa0, 0x2c), new(0xd6, 0x27, 0x28), new(0x94, 0x67, 0xbd),
        new(0x8c, 0x56, 0x4b), new(0xe3, 0x77, 0xc2), new(0x7f, 0x7f, 0x7f), new(0xbc, 0xbd, 0x22), new(0x17, 0xbe, 0xcf),
    ];

    public static readonly SKColor Background = SKColors.White;
    public static readonly SKColor Grid = new(0xe6, 0xe6, 0xe6);
    public static readonly SKColor Frame = new(0x55, 0x55, 0x55);
    public static readonly SKColor Reference = new(0xd6, 0x27, 0x28);

    public static SKColor Series(int index) => Colors[index % Colors.Length];
}
