using System.Diagnostics;
using SkiaSharp;
using VaeFaces.Ml.Data;

namespace VaeFaces.UnitTests.Data;

public class ImageDecoderSpecs
{
    /// <summary>A 16x16 JPEG whose frame header (SOF0) claims 60000x60000: 3.6 billion pixels, 14 GB as RGBA.</summary>
    internal static byte[] HeaderBomb(int width = 60_000, int height = 60_000)
    {
        var jpeg = TestImages.Jpeg(SKColors.Gray, 16, 16);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] != 0xFF || jpeg[i + 1] != 0xC0) continue;
            // FF C0, length (2), precision (1), height (2), width (2), big-endian.
            jpeg[i + 5] = (byte)(height >> 8);
            jpeg[i + 6] = (byte)height;
            jpeg[i + 7] = (byte)(width >> 8);
            jpeg[i + 8] = (byte)width;
            return jpeg;
        }
        throw new InvalidOperationException("no SOF0 marker in the encoded JPEG");
    }

    /// <summary>60000 a side: 14 GB as RGBA; 20000 a side: 1.6 GB, which Skia allocates and fills.</summary>
    [Theory]
    [InlineData(60_000)]
    [InlineData(20_000)]
    public void An_image_whose_header_claims_a_huge_size_is_refused_before_anything_is_allocated(int side)
    {
        var bomb = HeaderBomb(side, side);
        using var codec = SKCodec.Create(new SKMemoryStream(bomb));
        Assert.Equal(new SKSizeI(side, side), codec.Info.Size);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.PeakWorkingSet64;
        var problem = ImageDecoder.TryDecode(bomb, 64, new byte[64 * 64 * 3]);
        process.Refresh();
        var grown = process.PeakWorkingSet64 - before;

        Assert.Equal($"image is {side}x{side} pixels, more than 8192 a side (refused before decoding)", problem);
        Assert.True(grown < 256L << 20, $"peak working set grew by {grown >> 20} MiB");
    }

    [Fact]
    public void A_header_bomb_in_a_dataset_names_the_file_and_its_line()
    {
        var folder = TestImages.Folder(3);
        File.WriteAllBytes(Path.Combine(folder, CelebAAttributes.ImageFolder, "000002.jpg"), HeaderBomb());
        var dataset = CelebADataset.Open(folder);
        var error = Assert.Throws<DatasetException>(() => new DecodedImageCache(Path.Combine(folder, "cache")).Load(dataset, dataset.Images, 64, false));
        Assert.Contains("img_align_celeba/000002.jpg (list_attr_celeba.txt line 4): image is 60000x60000 pixels", error.Message);
    }

    [Fact]
    public void An_image_at_the_largest_size_allowed_still_decodes()
    {
        var jpeg = TestImages.Jpeg(new SKColor(20, 100, 200), 8192, 300);
        var rgb = new byte[64 * 64 * 3];
        Assert.Null(ImageDecoder.TryDecode(jpeg, 64, rgb));
        Assert.InRange(rgb[2], 195, 205);
    }
}
