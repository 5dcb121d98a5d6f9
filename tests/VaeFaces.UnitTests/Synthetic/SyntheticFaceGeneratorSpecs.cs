using SkiaSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Synthetic;

namespace VaeFaces.UnitTests.Synthetic;

public sealed class SyntheticFaceGeneratorSpecs : IDisposable
{
    private const int Count = 20;
    private readonly string root = Path.Combine(Path.GetTempPath(), "vaefaces-synthetic-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Same_options_give_byte_identical_files()
    {
        var first = Generate("a", new SyntheticFaceOptions(Count, Seed: 7));
        var second = Generate("b", new SyntheticFaceOptions(Count, Seed: 7));

        var files = RelativeFiles(first);
        Assert.Equal(files, RelativeFiles(second));
        Assert.Equal(Count + 2, files.Count);
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))),
                $"{file} differs between two runs with the same options");
    }

    [Fact]
    public void A_different_seed_gives_different_faces()
    {
        var first = Generate("a", new SyntheticFaceOptions(Count, Seed: 7));
        var second = Generate("b", new SyntheticFaceOptions(Count, Seed: 8));

        var same = Enumerable.Range(0, Count).Count(i => ImageBytes(first, i).AsSpan().SequenceEqual(ImageBytes(second, i)));
        Assert.Equal(0, same);
        Assert.NotEqual(File.ReadAllText(Path.Combine(first, CelebAAttributes.AttributeFile)),
            File.ReadAllText(Path.Combine(second, CelebAAttributes.AttributeFile)));
    }

    [Fact]
    public void Images_are_178_by_218_jpegs_named_like_celeba()
    {
        var folder = Generate("a", new SyntheticFaceOptions(Count, Seed: 3));

        var names = Directory.GetFiles(Path.Combine(folder, CelebAAttributes.ImageFolder)).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Count).Select(i => $"{i:D6}.jpg"), names);
        for (var i = 0; i < Count; i++)
        {
            var bytes = ImageBytes(folder, i);
            using var codec = SKCodec.Create(new SKMemoryStream(bytes));
            Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal(178, codec.Info.Width);
            Assert.Equal(218, codec.Info.Height);
        }
    }

    [Fact]
    public void Attribute_file_has_all_40_columns_and_the_drawn_values()
    {
        const int seed = 5;
        var folder = Generate("a", new SyntheticFaceOptions(Count, seed));

        using var reader = new StreamReader(Path.Combine(folder, CelebAAttributes.AttributeFile));
        var table = CelebAAttributeFile.Parse(reader, CelebAAttributes.AttributeFile);
        Assert.Equal(CelebAAttributes.Names, table.Names);
        Assert.Equal(40, table.Names.Count);
        Assert.Equal(Enumerable.Range(1, Count).Select(i => $"{i:D6}.jpg"), table.Files);
        for (var i = 0; i < Count; i++)
        {
            var (jpeg, attributes) = SyntheticFaceGenerator.DrawOne(seed, i);
            Assert.Equal(attributes, table.Values[i]);
            // DrawOne is the same face Generate wrote, not a look-alike.
            Assert.True(jpeg.AsSpan().SequenceEqual(ImageBytes(folder, i)), $"DrawOne({seed}, {i}) differs from {table.Files[i]}");
        }
    }

    [Fact]
    public void Partition_file_covers_every_image_with_the_requested_shares()
    {
        var folder = Generate("a", new SyntheticFaceOptions(100, Seed: 9, ValidationFraction: 0.15, TestFraction: 0.1));

        using var reader = new StreamReader(Path.Combine(folder, CelebAAttributes.PartitionFile));
        var partitions = CelebAPartitionFile.Parse(reader, CelebAAttributes.PartitionFile);
        var images = Directory.GetFiles(Path.Combine(folder, CelebAAttributes.ImageFolder)).Select(f => Path.GetFileName(f)!).ToHashSet();
        Assert.True(images.SetEquals(partitions.Keys));
        Assert.Equal(75, partitions.Values.Count(s => s == Split.Train));
        Assert.Equal(15, partitions.Values.Count(s => s == Split.Validation));
        Assert.Equal(10, partitions.Values.Count(s => s == Split.Test));
        // Shuffled, not "the last 10% are test": the test images are not simply the highest numbers.
        var test = partitions.Where(p => p.Value == Split.Test).Select(p => p.Key).Order().ToList();
        Assert.NotEqual(Enumerable.Range(91, 10).Select(i => $"{i:D6}.jpg"), test);
    }

    [Fact]
    public void Tiny_sets_keep_at_least_one_training_image()
    {
        var folder = Generate("a", new SyntheticFaceOptions(2, Seed: 1, ValidationFraction: 0.45, TestFraction: 0.45));

        using var reader = new StreamReader(Path.Combine(folder, CelebAAttributes.PartitionFile));
        var partitions = CelebAPartitionFile.Parse(reader, CelebAAttributes.PartitionFile);
        Assert.Equal(2, partitions.Count);
        Assert.Contains(Split.Train, partitions.Values);
    }

    [Fact]
    public void Generated_folder_opens_as_a_celeba_dataset()
    {
        var folder = Generate("a", new SyntheticFaceOptions(Count, Seed: 2));

        var dataset = CelebADataset.Open(folder);

        Assert.Equal(Count, dataset.Images.Count);
        Assert.All(dataset.Images, image => Assert.True(File.Exists(dataset.ImagePath(image))));
    }

    [Fact]
    public void Attributes_that_are_not_drawn_are_always_minus_one()
    {
        var drawn = SyntheticFaceGenerator.DrawnAttributes;
        Assert.All(drawn, name => Assert.Contains(name, CelebAAttributes.Names));
        Assert.Equal(drawn.Count, drawn.Distinct().Count());

        var rows = Enumerable.Range(0, 300).Select(i => SyntheticFaceGenerator.DrawOne(11, i).Attributes).ToList();
        for (var column = 0; column < CelebAAttributes.Names.Count; column++)
        {
            var positives = rows.Count(r => r[column] > 0);
            Assert.All(rows, r => Assert.True(r[column] is 1 or -1));
            if (drawn.Contains(CelebAAttributes.Names[column]))
                Assert.InRange(positives, 30, 270);
            else
                Assert.Equal(0, positives);
        }
    }

    [Fact]
    public void Eyeglasses_darken_the_eye_region()
    {
        // Thick dark frames: many more near-black pixels in the band around the eyes.
        var auc = VisibilityAuc("Eyeglasses", pixels => Fraction(pixels, 55, 123, 92, 126, c => Luminance(c) < 70));
        Assert.True(auc > 0.9, $"eye-region darkness separates Eyeglasses with AUC {auc:F3} only");
    }

    [Fact]
    public void Blond_hair_is_yellow()
    {
        var auc = VisibilityAuc("Blond_Hair", pixels => Fraction(pixels, 0, 178, 20, 198,
            c => c.Red > 170 && c.Green > 140 && c.Green - c.Blue > 70));
        Assert.True(auc > 0.95, $"yellow pixels separate Blond_Hair with AUC {auc:F3} only");
    }

    [Fact]
    public void Smiles_show_white_teeth()
    {
        // Neutral white, unlike even the palest skin, which is pinkish.
        var auc = VisibilityAuc("Smiling", pixels => Fraction(pixels, 69, 109, 134, 172,
            c => Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 195 && Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) < 25));
        Assert.True(auc > 0.9, $"white pixels around the mouth separate Smiling with AUC {auc:F3} only");
    }

    [Fact]
    public void Nothing_is_drawn_above_the_square_that_training_crops()
    {
        // Training crops the 178x178 square from y = 20. Above it there must be only the vertical background
        // gradient, so every row is flat; hair or a hat reaching up there would make it uneven.
        for (var i = 0; i < 300; i++)
        {
            var pixels = Rgb.Decode(SyntheticFaceGenerator.DrawOne(13, i).Jpeg);
            for (var y = 0; y < 16; y++)
            {
                var row = Enumerable.Range(0, 178).Select(x => Luminance(pixels[x, y])).ToList();
                Assert.True(row.Max() - row.Min() < 24, $"image {i} row {y} is not plain background (range {row.Max() - row.Min():F0})");
            }
        }
    }

    [Fact]
    public void Progress_counts_up_to_the_number_of_images()
    {
        var progress = new RecordingProgress();
        Generate("a", new SyntheticFaceOptions(150, Seed: 1), progress);

        Assert.NotEmpty(progress.Reports);
        Assert.Equal(150, progress.Reports[^1]);
        Assert.Equal(progress.Reports.Order(), progress.Reports);
    }

    [Fact]
    public void Cancelled_generation_writes_no_attribute_file()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var folder = Path.Combine(root, "a");

        Assert.ThrowsAny<OperationCanceledException>(() =>
            SyntheticFaceGenerator.Generate(folder, new SyntheticFaceOptions(Count, 1), cancellationToken: cancelled.Token));
        Assert.False(File.Exists(Path.Combine(folder, CelebAAttributes.AttributeFile)));
    }

    [Theory]
    [InlineData(0, 0.1, 0.1, 90)]
    [InlineData(10, -0.1, 0.1, 90)]
    [InlineData(10, 0.5, 0.5, 90)]
    [InlineData(10, double.NaN, 0.1, 90)]
    [InlineData(10, 0.1, 0.1, 0)]
    [InlineData(10, 0.1, 0.1, 101)]
    public void Invalid_options_are_rejected(int count, double validation, double test, int quality)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SyntheticFaceGenerator.Generate(Path.Combine(root, "a"), new SyntheticFaceOptions(count, 1, validation, test, quality)));
    }

    private string Generate(string name, SyntheticFaceOptions options, IProgress<int>? progress = null)
    {
        var folder = Path.Combine(root, name);
        SyntheticFaceGenerator.Generate(folder, options, progress);
        return folder;
    }

    private static List<string> RelativeFiles(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToList();

    private static byte[] ImageBytes(string folder, int index) =>
        File.ReadAllBytes(Path.Combine(folder, CelebAAttributes.ImageFolder, $"{index + 1:D6}.jpg"));

    /// <summary>How well a simple pixel statistic separates an attribute on 240 drawn faces (ROC AUC).</summary>
    private static double VisibilityAuc(string attribute, Func<Rgb, double> statistic)
    {
        var column = CelebAAttributes.Names.ToList().IndexOf(attribute);
        var samples = Enumerable.Range(0, 240).Select(i =>
        {
            var (jpeg, attributes) = SyntheticFaceGenerator.DrawOne(21, i);
            return (Score: statistic(Rgb.Decode(jpeg)), Positive: attributes[column] > 0);
        }).ToList();
        var positives = samples.Where(s => s.Positive).Select(s => s.Score).ToList();
        var negatives = samples.Where(s => !s.Positive).Select(s => s.Score).ToList();
        Assert.True(positives.Count >= 20 && negatives.Count >= 20, $"too few positives or negatives for {attribute}");
        // Mann-Whitney form of the AUC: the share of (positive, negative) pairs ranked the right way round.
        var wins = positives.Sum(p => negatives.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0.0));
        return wins / (positives.Count * (double)negatives.Count);
    }

    private static double Fraction(Rgb pixels, int left, int right, int top, int bottom, Func<SKColor, bool> predicate)
    {
        var hits = 0;
        for (var y = top; y < bottom; y++)
            for (var x = left; x < right; x++)
                if (predicate(pixels[x, y])) hits++;
        return hits / (double)((right - left) * (bottom - top));
    }

    private static double Luminance(SKColor c) => 0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue;

    /// <summary>A decoded image as RGBA bytes, read directly rather than through a native call per pixel.</summary>
    private sealed class Rgb(byte[] rgba, int width)
    {
        public SKColor this[int x, int y] => new(rgba[4 * (y * width + x)], rgba[4 * (y * width + x) + 1], rgba[4 * (y * width + x) + 2]);

        public static Rgb Decode(byte[] encoded)
        {
            using var codec = SKCodec.Create(new SKMemoryStream(encoded)) ?? throw new InvalidOperationException("not a decodable image");
            var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
            using var bitmap = new SKBitmap(info);
            Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
            return new Rgb(bitmap.GetPixelSpan().ToArray(), info.Width);
        }
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class RecordingProgress : IProgress<int>
    {
        private readonly Lock gate = new();
        public List<int> Reports { get; } = [];

        public void Report(int value)
        {
            lock (gate) Reports.Add(value);
        }
    }
}
