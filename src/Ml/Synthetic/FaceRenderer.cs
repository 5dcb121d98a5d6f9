using SkiaSharp;

namespace VaeFaces.Ml.Synthetic;

/// <summary>Paints one sampled face into a CelebA-sized (178x218) image and encodes it as JPEG.</summary>
internal static class FaceRenderer
{
    public const int Width = 178;
    public const int Height = 218;
    // Where the face centre sits before jitter: the eyes, 8 px above it, land at y = 110 +- 9 like CelebA's, and
    // hair, hats and chin stay inside the 178x178 square from y = 20 that training crops (a unit test checks the top).
    private const float CentreX = Width / 2f;
    private const float CentreY = 118;

    public static byte[] RenderJpeg(FaceTraits traits, FaceStyle style, int quality)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var ink = new Ink())
        {
            Paint(canvas, ink, traits, style);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality)
            ?? throw new InvalidOperationException("Skia could not encode the synthetic face as JPEG.");
        return data.ToArray();
    }

    private static void Paint(SKCanvas canvas, Ink ink, FaceTraits traits, FaceStyle style)
    {
        HeadPainter.Background(canvas, ink, style, Width, Height);
        canvas.Translate(CentreX + style.OffsetX, CentreY + style.OffsetY);
        canvas.RotateDegrees(style.RotationDegrees);
        canvas.Scale(style.Scale);

        // Back to front: shoulders, long hair behind the neck, then the head and what lies on it.
        HeadPainter.Shoulders(canvas, ink, style);
        HairPainter.Back(canvas, ink, traits, style);
        HeadPainter.Neck(canvas, ink, style);
        HeadPainter.Ears(canvas, ink, style);
        HeadPainter.Head(canvas, ink, traits, style);
        if (!traits.Young) HeadPainter.Age(canvas, ink, style);
        FeaturePainter.Eyes(canvas, ink, traits, style);
        FeaturePainter.Brows(canvas, ink, traits, style);
        FeaturePainter.Nose(canvas, ink, style);
        FeaturePainter.Mouth(canvas, ink, traits, style);
        if (traits.Mustache) FeaturePainter.Mustache(canvas, ink, style);
        HairPainter.Front(canvas, ink, traits, style);
        if (traits.Eyeglasses) AccessoryPainter.Glasses(canvas, ink, style);
        if (traits.WearingHat) AccessoryPainter.Hat(canvas, ink, style);
    }
}
