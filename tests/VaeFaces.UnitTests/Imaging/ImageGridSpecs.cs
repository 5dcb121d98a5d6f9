using SkiaSharp;
using VaeFaces.Ml.Imaging;

namespace VaeFaces.UnitTests.Imaging;

public class ImageGridSpecs
{
    private const int H = 3, W = 4;

    // Solid images in the order they are placed: red, green, blue, yellow, cyan.
    private static readonly (float R, float G, float B)[] Colours = [(1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (0, 1, 1)];
    private static readonly SKColor[] Expected =
        [new(255, 0, 0), new(0, 255, 0), new(0, 0, 255), new(255, 255, 0), new(0, 255, 255)];

    [Fact]
    public void Size_follows_columns_padding_and_scale()
    {
        // 5 images in 3 columns are 2 rows; cells are 8x6 at scale 2, with 2px gaps between and around them.
        using var png = new DecodedPng(ImageGrid.RenderPng(Solid(), columns: 3, padding: 2, scale: 2));

        Assert.Equal(3 * 8 + 4 * 2, png.Width);
        Assert.Equal(2 * 6 + 3 * 2, png.Height);
    }

    [Fact]
    public void Each_cell_shows_the_image_placed_there_row_major()
    {
        using var png = new DecodedPng(ImageGrid.RenderPng(Solid(), columns: 3, padding: 2, scale: 2));

        for (var n = 0; n < Colours.Length; n++)
        {
            var (row, column) = (n / 3, n % 3);
            var left = 2 + column * (8 + 2);
            var top = 2 + row * (6 + 2);
            // Every pixel of the 8x6 cell, corners included, has the image's colour.
            for (var y = top; y < top + 6; y++)
                for (var x = left; x < left + 8; x++)
                    Assert.Equal(Expected[n], png[x, y]);
        }
    }

    [Fact]
    public void Padding_and_empty_cells_are_background()
    {
        using var png = new DecodedPng(ImageGrid.RenderPng(Solid(), columns: 3, padding: 2, scale: 2));

        Assert.Equal(SKColors.White, png[0, 0]);
        Assert.Equal(SKColors.White, png[10, 5]);   // gap between columns 0 and 1
        Assert.Equal(SKColors.White, png[5, 9]);    // gap between rows 0 and 1
        Assert.Equal(SKColors.White, png[png.Width - 1, png.Height - 1]);
        Assert.Equal(SKColors.White, png[2 + 2 * 10 + 4, 2 + 8 + 3]); // the sixth cell has no image
    }

    [Fact]
    public void Pixels_are_read_as_chw_and_scaled_as_blocks()
    {
        // One 2x2 image: R plane marks x = 1, G plane marks y = 1, B plane is 0.2 except a NaN (drawn as 0) at (0,0).
        float[] pixels = [0, 1, 0, 1, /* G */ 0, 0, 1, 1, /* B */ float.NaN, 0.2f, 0.2f, 0.2f];
        using var png = new DecodedPng(ImageGrid.RenderPng(new ImageBatch(pixels, 1, 2, 2), columns: 1, padding: 0, scale: 3));

        Assert.Equal(6, png.Width);
        Assert.Equal(new SKColor(0, 0, 0), png[0, 0]);
        Assert.Equal(new SKColor(0, 0, 0), png[2, 2]);
        Assert.Equal(new SKColor(255, 0, 51), png[3, 0]);
        Assert.Equal(new SKColor(255, 0, 51), png[5, 2]);
        Assert.Equal(new SKColor(0, 255, 51), png[0, 3]);
        Assert.Equal(new SKColor(255, 255, 51), png[5, 5]);
    }

    [Fact]
    public void Values_outside_0_to_1_are_clamped()
    {
        float[] pixels = [1.7f, -0.3f, 0.5f];
        using var png = new DecodedPng(ImageGrid.RenderPng(new ImageBatch(pixels, 1, 1, 1), columns: 1, padding: 0));

        Assert.Equal(new SKColor(255, 0, 128), png[0, 0]);
    }

    [Fact]
    public void Labels_and_title_add_margins_without_moving_images_within_the_grid()
    {
        var plain = ImageGrid.RenderPng(Solid(), columns: 3, padding: 2, scale: 10);
        var labelled = ImageGrid.RenderPng(Solid(), columns: 3, padding: 2, scale: 10,
            rowLabels: ["input", "output"], columnLabels: ["a", "b", "c"], title: "T");
        using var a = new DecodedPng(plain);
        using var b = new DecodedPng(labelled);

        var (dx, dy) = (b.Width - a.Width, b.Height - a.Height);
        Assert.True(dx > 0 && dy > 0, $"labels should add margins, got {dx}x{dy}");
        Assert.True(b.DistinctColours() > a.DistinctColours(), "labels should draw antialiased text");
        Assert.True(b.HasText(0, dy, dx, b.Height - dy), "row labels missing");
        Assert.True(b.HasText(dx, 0, b.Width - dx, dy), "title and column labels missing");
        for (var n = 0; n < Colours.Length; n++)
        {
            var (row, column) = (n / 3, n % 3);
            Assert.Equal(Expected[n], b[dx + 2 + column * 42 + 20, dy + 2 + row * 32 + 15]);
        }
    }

    [Fact]
    public void Empty_batch_renders_a_blank_image()
    {
        using var png = new DecodedPng(ImageGrid.RenderPng(new ImageBatch([], 0, H, W), columns: 4));

        Assert.All(png.Pixels(), p => Assert.Equal(SKColors.White, p));
    }

    [Fact]
    public void Pixel_count_must_match_the_batch_shape()
    {
        Assert.Throws<ArgumentException>(() => ImageGrid.RenderPng(new ImageBatch(new float[10], 1, H, W), columns: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGrid.RenderPng(Solid(), columns: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageGrid.RenderPng(Solid(), columns: 2, scale: 0));
    }

    private static ImageBatch Solid()
    {
        var plane = H * W;
        var pixels = new float[Colours.Length * 3 * plane];
        for (var n = 0; n < Colours.Length; n++)
        {
            pixels.AsSpan(n * 3 * plane, plane).Fill(Colours[n].R);
            pixels.AsSpan(n * 3 * plane + plane, plane).Fill(Colours[n].G);
            pixels.AsSpan(n * 3 * plane + 2 * plane, plane).Fill(Colours[n].B);
        }
        return new ImageBatch(pixels, Colours.Length, H, W);
    }
}
