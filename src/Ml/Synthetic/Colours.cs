using SkiaSharp;

namespace VaeFaces.Ml.Synthetic;

/// <summary>Colour arithmetic and the palettes the sampler picks from.</summary>
internal static class Colours
{
    public static SKColor Lerp(SKColor a, SKColor b, float t) => new(
        (byte)Math.Clamp(MathF.Round(a.Red + (b.Red - a.Red) * t), 0, 255),
        (byte)Math.Clamp(MathF.Round(a.Green + (b.Green - a.Green) * t), 0, 255),
        (byte)Math.Clamp(MathF.Round(a.Blue + (b.Blue - a.Blue) * t), 0, 255),
        (byte)Math.Clamp(MathF.Round(a.Alpha + (b.Alpha - a.Alpha) * t), 0, 255));

    public static SKColor Darken(SKColor colour, float amount) => Lerp(colour, SKColors.Black.WithAlpha(colour.Alpha), amount);

    /// <summary>Each channel moved by up to +-spread, so two faces with the same hair colour are not pixel-identical.</summary>
    public static SKColor Jitter(Random random, SKColor colour, int spread)
    {
        var shift = random.Next(-spread, spread + 1);
        return new SKColor(
            Clamp(colour.Red + shift + random.Next(-spread / 2, spread / 2 + 1)),
            Clamp(colour.Green + shift + random.Next(-spread / 2, spread / 2 + 1)),
            Clamp(colour.Blue + shift + random.Next(-spread / 2, spread / 2 + 1)));
    }

    public static SKColor Hsv(float hue, float saturation, float value) => SKColor.FromHsv(hue % 360f, saturation, value);

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    // Hair colours sit at corners of colour space (darkest, yellowest, brightest neutral), so each is one
    // direction away from the others and from skin, whose red-over-green tint none of them has.
    public static readonly SKColor BlackHair = new(30, 26, 26);
    public static readonly SKColor BlondHair = new(236, 200, 80);
    public static readonly SKColor GrayHair = new(212, 212, 216);

    // Pale skin is clearly lighter than the lightest of the other tones, which run down to dark brown.
    // Not quite white, so that white teeth still show on it.
    public static readonly SKColor PaleSkin = new(244, 220, 206);
    public static readonly SKColor LightSkin = new(222, 176, 140);
    public static readonly SKColor DarkSkin = new(100, 64, 44);

    public static readonly SKColor[] Irises =
    [
        new(92, 56, 30), new(55, 35, 22), new(64, 112, 176), new(74, 126, 78), new(130, 98, 48), new(108, 118, 130),
    ];
}
