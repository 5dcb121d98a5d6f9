using SkiaSharp;

namespace VaeFaces.Ml.Synthetic;

/// <summary>One reusable antialiased paint per image, set up for a fill or a round-capped stroke on each use.</summary>
internal sealed class Ink : IDisposable
{
    private readonly SKPaint paint = new() { IsAntialias = true };

    public SKPaint Fill(SKColor colour)
    {
        paint.Shader = null;
        paint.Style = SKPaintStyle.Fill;
        paint.Color = colour;
        return paint;
    }

    public SKPaint Stroke(SKColor colour, float width)
    {
        paint.Shader = null;
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = width;
        paint.StrokeCap = SKStrokeCap.Round;
        paint.StrokeJoin = SKStrokeJoin.Round;
        paint.Color = colour;
        return paint;
    }

    public SKPaint Shaded(SKShader shader)
    {
        paint.Style = SKPaintStyle.Fill;
        paint.Color = SKColors.Black;
        paint.Shader = shader;
        return paint;
    }

    public void Dispose() => paint.Dispose();
}
