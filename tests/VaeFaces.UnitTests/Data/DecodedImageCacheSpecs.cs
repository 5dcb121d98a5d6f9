using VaeFaces.Ml.Data;

namespace VaeFaces.UnitTests.Data;

public class DecodedImageCacheSpecs
{
    [Fact]
    public void Images_are_decoded_to_rgb_at_the_requested_size()
    {
        var folder = TestImages.Folder(3);
        var dataset = CelebADataset.Open(folder);
        using var images = new DecodedImageCache(Path.Combine(folder, "cache")).Load(dataset, dataset.Images, 64, false);

        Assert.Equal(3, images.Count);
        var pixel = images[2][..3].ToArray();
        // Solid colour (20, 100, 200), give or take JPEG rounding.
        Assert.InRange(pixel[0], 15, 25);
        Assert.InRange(pixel[1], 95, 105);
        Assert.InRange(pixel[2], 195, 205);
    }

    [Fact]
    public void A_second_load_reads_the_cache_instead_of_the_jpegs()
    {
        var folder = TestImages.Folder(4);
        var dataset = CelebADataset.Open(folder);
        var cache = new DecodedImageCache(Path.Combine(folder, "cache"));
        byte[] first;
        using (var images = cache.Load(dataset, dataset.Images, 64, false)) first = images[3].ToArray();

        // Same names, sizes and times, unreadable content: only a cache hit can succeed.
        var path = dataset.ImagePath(dataset.Images[3]);
        var stamp = File.GetLastWriteTimeUtc(path);
        var length = new FileInfo(path).Length;
        File.WriteAllBytes(path, new byte[length]);
        File.SetLastWriteTimeUtc(path, stamp);

        using var again = cache.Load(dataset, dataset.Images, 64, false);
        Assert.Equal(first, again[3].ToArray());
    }

    [Fact]
    public void Missing_image_names_the_file_and_its_attribute_line()
    {
        var folder = TestImages.Folder(3);
        File.Delete(Path.Combine(folder, CelebAAttributes.ImageFolder, "000002.jpg"));
        var dataset = CelebADataset.Open(folder);
        var error = Assert.Throws<DatasetException>(() => new DecodedImageCache(Path.Combine(folder, "cache")).Load(dataset, dataset.Images, 64, false));
        Assert.Contains("img_align_celeba/000002.jpg (list_attr_celeba.txt line 4): image file not found", error.Message);
    }

    [Fact]
    public void Corrupt_jpeg_is_an_error_or_counted_when_skipping()
    {
        var folder = TestImages.Folder(3);
        var path = Path.Combine(folder, CelebAAttributes.ImageFolder, "000003.jpg");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..400]);
        var dataset = CelebADataset.Open(folder);
        var cache = new DecodedImageCache(Path.Combine(folder, "cache"));

        var error = Assert.Throws<DatasetException>(() => cache.Load(dataset, dataset.Images, 64, false));
        Assert.Contains("000003.jpg (list_attr_celeba.txt line 5): corrupt image", error.Message);

        using var skipped = cache.Load(dataset, dataset.Images, 64, skipBadImages: true);
        Assert.Equal(2, skipped.Count);
        Assert.Equal(1, skipped.Skipped);
        Assert.DoesNotContain(skipped.Images, i => i.File == "000003.jpg");
    }

    [Fact]
    public void A_decode_that_fails_part_way_leaves_no_temporary_file()
    {
        var folder = TestImages.Folder(3);
        var dataset = CelebADataset.Open(folder);
        var cacheFolder = Path.Combine(folder, "cache");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new DecodedImageCache(cacheFolder).Load(dataset, dataset.Images, 64, false, null, cancelled.Token));

        Assert.Empty(Directory.EnumerateFiles(cacheFolder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Loader_serves_every_row_once_in_the_given_order()
    {
        var folder = TestImages.Folder(10);
        var dataset = CelebADataset.Open(folder);
        using var images = new DecodedImageCache(Path.Combine(folder, "cache")).Load(dataset, dataset.Images, 64, false);
        var order = BatchLoader.ShuffledOrder(10, 5, 0);
        var served = new List<int>();
        await using var loader = new BatchLoader(images, order, 4, CancellationToken.None);
        await foreach (var batch in loader.ReadAllAsync())
        {
            served.AddRange(batch.Rows.Take(batch.Count));
            loader.Return(batch);
        }
        Assert.Equal(order, served);
    }
}
