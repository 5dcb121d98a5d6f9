using SkiaSharp;

namespace VaeFaces.Ml.Imaging;

/// <summary>
/// Tiles a batch of images into one PNG (reconstructions, samples, interpolations), like torchvision's make_grid
/// with optional labels. Without labels the size is columns*W*scale + (columns+1)*padding by
/// rows*H*scale + (rows+1)*padding, with padding around the outside too; labels and title add margins.
/// </summary>
public static class ImageGrid
{
    private const float TitleSize = 16;
    private const float LabelSize = 12;

    /// <param name="columns">Images per row; images fill rows left to right, top to bottom.</param>
    /// <param name="scale">Each image pixel becomes a scale x scale block (nearest neighbour, so pixels stay sharp).</param>
    /// <param name="rowLabels">Drawn left of each row; extra labels are ignored.</param>
    /// <param name="columnLabels">Drawn above each column, shortened to the cell width; extra labels are ignored.</param>
    public static byte[] RenderPng(ImageBatch images, int columns, int padding = 2, int scale = 1,
        IReadOnlyList<string>? rowLabels = null, IReadOnlyList<string>? columnLabels = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        Validate(images);

        var rows = (images.Count + columns - 1) / columns;
        var (cellWidth, cellHeight) = (images.Width * scale, images.Height * scale);

        var showTitle = !string.IsNullOrEmpty(title);
        var titleHeight = showTitle ? (int)MathF.Ceiling(Text.LineHeight(TitleSize)) + 8 : 0;
        var columnLabelHeight = columnLabels is { Count: > 0 } ? (int)MathF.Ceiling(Text.LineHeight(LabelSize)) + 4 : 0;
        var visibleRowLabels = rowLabels?.Take(rows).ToList() ?? [];
        var rowLabelWidth = visibleRowLabels.Count > 0
            ? (int)MathF.Ceiling(visibleRowLabels.Max(l => Text.Width(l, LabelSize))) + 12
            : 0;

        var gridLeft = rowLabelWidth;
        var gridTop = titleHeight + columnLabelHeight;
        var gridWidth = columns * cellWidth + (columns + 1) * padding;
        var width = Math.Max(1, gridLeft + gridWidth);
        if (showTitle) width = Math.Max(width, (int)MathF.Ceiling(Text.Width(title!, TitleSize)) + 8);
        var height = Math.Max(1, gridTop + rows * cellHeight + (rows + 1) * padding);

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            if (showTitle)
            {
                // Centred over the images, shifted left only as far as needed to fit.
                var half = Text.Width(title!, TitleSize) / 2;
                var centreX = Math.Clamp(gridLeft + gridWidth / 2f, half + 4, Math.Max(half + 4, width - half - 4));
                Text.Draw(canvas, title!, centreX, 4 + titleHeight / 2f, TitleSize, SKTextAlign.Center);
            }
            for (var c = 0; c < Math.Min(columns, columnLabels?.Count ?? 0); c++)
            {
                var label = Text.Fit(columnLabels![c], cellWidth + padding, LabelSize);
                var centreX = gridLeft + padding + c * (cellWidth + padding) + cellWidth / 2f;
                Text.Draw(canvas, label, centreX, titleHeight + columnLabelHeight / 2f, LabelSize, SKTextAlign.Center);
            }
            for (var r = 0; r < visibleRowLabels.Count; r++)
            {
                var centreY = gridTop + padding + r * (cellHeight + padding) + cellHeight / 2f;
                Text.Draw(canvas, visibleRowLabels[r], rowLabelWidth - 6, centreY, LabelSize, SKTextAlign.Right);
            }
        }

        var pixels = bitmap.GetPixelSpan();
        var stride = bitmap.RowBytes;
        for (var n = 0; n < images.Count; n++)
        {
            var (row, column) = Math.DivRem(n, columns);
            var left = gridLeft + padding + column * (cellWidth + padding);
            var top = gridTop + padding + row * (cellHeight + padding);
            CopyImage(images, n, scale, pixels, stride, left, top);
        }
        return Png.Encode(bitmap);
    }

    /// <summary>Writes image n as RGBA bytes at (left, top), each source pixel repeated into a scale x scale block.</summary>
    private static void CopyImage(ImageBatch images, int n, int scale, Span<byte> target, int stride, int left, int top)
    {
        var (h, w) = (images.Height, images.Width);
        var plane = h * w;
        var source = images.Pixels.AsSpan(n * 3 * plane, 3 * plane);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var r = ToByte(source[y * w + x]);
                var g = ToByte(source[plane + y * w + x]);
                var b = ToByte(source[2 * plane + y * w + x]);
                for (var dy = 0; dy < scale; dy++)
                {
                    var offset = (top + y * scale + dy) * stride + (left + x * scale) * 4;
                    for (var dx = 0; dx < scale; dx++, offset += 4)
                    {
                        target[offset] = r;
                        target[offset + 1] = g;
                        target[offset + 2] = b;
                        target[offset + 3] = 255;
                    }
                }
            }
        }
    }

    /// <summary>[0, 1] to 0..255, clamping out-of-range values (decoder outputs need not be sigmoid-bounded); NaN is black.</summary>
    private static byte ToByte(float value) => float.IsNaN(value) ? (byte)0 : (byte)MathF.Round(Math.Clamp(value, 0f, 1f) * 255f);

    private static void Validate(ImageBatch images)
    {
        ArgumentNullException.ThrowIfNull(images.Pixels, nameof(images));
        if (images.Count < 0 || images.Height < 1 || images.Width < 1)
            throw new ArgumentException($"Invalid batch of {images.Count} images of {images.Height}x{images.Width}.", nameof(images));
        var expected = (long)images.Count * 3 * images.Height * images.Width;
        if (images.Pixels.Length != expected)
            throw new ArgumentException(
                $"{images.Count} RGB images of {images.Height}x{images.Width} need {expected} floats, not {images.Pixels.Length}.", nameof(images));
    }
}
