using SkiaSharp;
using VaeFaces.Ml.Common;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;
using VaeFaces.UnitTests.Data;

namespace VaeFaces.UnitTests.Editing;

public class BulkEditorSpecs
{
    private static readonly LatentEdit Smiling = new("Smiling", TestModels.Axis(0), 2);

    [Fact]
    public async Task A_plain_folder_is_edited_in_batches_in_order_and_the_grid_shows_before_and_after()
    {
        using var model = TestModels.Eval();
        var folder = TestImages.Folder(11);
        var files = CelebADataset.Open(folder).Images.Select(i => i.File).ToList();
        var written = new Dictionary<string, byte[]>();
        var batches = new List<int>();
        var progress = new List<double>();

        var result = await BulkEditor.RunAsync(new FixedEdit(model, [Smiling]), new EditSource(Path.Combine(folder, CelebAAttributes.ImageFolder), files, null, false),
            batchSize: 4, jpegQuality: 90, (batch, _) =>
            {
                batches.Add(batch.Files.Length);
                foreach (var (file, jpeg) in batch.Files.Zip(batch.Jpegs)) written.Add(file, jpeg);
                return Task.CompletedTask;
            }, new SynchronousProgress<double>(progress.Add), CancellationToken.None);

        Assert.Equal(files, result.Written);
        Assert.Equal([4, 4, 3], batches);
        Assert.Equal(files, written.Keys);
        Assert.All(written.Values, jpeg => Assert.Equal(TestModels.Size, SKBitmap.Decode(jpeg).Width));
        Assert.Empty(result.Skipped);
        Assert.Equal(1.0, progress[^1]);

        // Eight images before, then the same eight edited.
        Assert.Equal(16, result.BeforeAfter.Count);
        var plane = 3 * TestModels.Size * TestModels.Size;
        var before = new ImageBatch(result.BeforeAfter.Pixels[..(8 * plane)], 8, TestModels.Size, TestModels.Size);
        var edited = ImageEditor.Edit(model, before, [Smiling]);
        Assert.All(edited.Pixels.Zip(result.BeforeAfter.Pixels[(8 * plane)..]), p => Assert.Equal(p.First, p.Second, 1e-5f));
    }

    [Fact]
    public async Task A_bad_image_fails_the_edit_naming_it_or_is_skipped_when_asked()
    {
        using var model = TestModels.Eval();
        var folder = TestImages.Folder(5);
        var images = Path.Combine(folder, CelebAAttributes.ImageFolder);
        var files = CelebADataset.Open(folder).Images.Select(i => i.File).ToList();
        File.WriteAllBytes(Path.Combine(images, files[2]), [1, 2, 3]);

        var error = await Assert.ThrowsAsync<DatasetException>(() => EditAsync(model, new EditSource(images, files, null, false)));
        Assert.Contains($"{files[2]}: ", error.Message);
        Assert.Contains("SkipBadImages", error.Message);

        var result = await EditAsync(model, new EditSource(images, files, null, SkipBadImages: true));
        Assert.Equal(files.Where((_, i) => i != 2), result.Written);
        Assert.StartsWith($"{files[2]}: ", Assert.Single(result.Skipped));
    }

    [Fact]
    public async Task Images_from_the_decoded_cache_edit_to_the_same_jpegs_as_the_same_files_decoded_batch_by_batch()
    {
        using var model = TestModels.Eval();
        var folder = TestImages.Folder(6);
        var dataset = CelebADataset.Open(folder);
        var files = dataset.Images.Select(i => i.File).ToList();
        using var decoded = new DecodedImageCache(Path.Combine(folder, "cache")).Load(dataset, dataset.Images, TestModels.Size, false);

        var fromFiles = await JpegsAsync(model, new EditSource(Path.Combine(folder, CelebAAttributes.ImageFolder), files, null, false));
        var fromCache = await JpegsAsync(model, new EditSource("unused: the pixels come from the cache", files, decoded, false));

        Assert.Equal(files, fromCache.Keys);
        Assert.All(files, f => Assert.Equal(fromFiles[f], fromCache[f]));
    }

    /// <summary>A calibrated edit's shape without a judge: every other image misses and is left out; pixels are inverted.</summary>
    private sealed class DroppingEveryOtherImage : IBatchEdit
    {
        private int seen;

        public int ImageSize => TestModels.Size;

        public EditedBatch Edit(ImageBatch images)
        {
            var outcomes = Enumerable.Range(0, images.Count).Select(_ => seen++ % 2 == 0)
                .Select(kept => new CalibrationOutcome(kept, kept ? 0.5 : 1, kept ? 0.95 : 0.2, [0.5f], kept)).ToList();
            return new EditedBatch(images with { Pixels = images.Pixels.Select(p => 1 - p).ToArray() }, outcomes);
        }
    }

    [Fact]
    public async Task Images_a_calibrated_edit_leaves_out_are_not_written_but_their_outcome_is_kept_and_the_grid_pairs_match()
    {
        var folder = TestImages.Folder(7);
        var files = CelebADataset.Open(folder).Images.Select(i => i.File).ToList();
        var written = new List<string>();

        var result = await BulkEditor.RunAsync(new DroppingEveryOtherImage(), new EditSource(Path.Combine(folder, CelebAAttributes.ImageFolder), files, null, false),
            3, 90, (batch, _) => { written.AddRange(batch.Files); return Task.CompletedTask; }, null, CancellationToken.None);

        Assert.Equal(files.Where((_, i) => i % 2 == 0), written);
        Assert.Equal(written, result.Written);
        Assert.Equal(files, result.Outcomes.Keys.Order(StringComparer.Ordinal));
        Assert.All(files.Where((_, i) => i % 2 == 1), f => Assert.False(result.Outcomes[f].Keep));
        // Before and after rows show the same (written) images: each edited pixel is 1 - its original.
        var half = result.BeforeAfter.Pixels.Length / 2;
        Assert.Equal(4, result.BeforeAfter.Count / 2);
        Assert.All(Enumerable.Range(0, half), i => Assert.Equal(1 - result.BeforeAfter.Pixels[i], result.BeforeAfter.Pixels[half + i], 1e-5f));
    }

    private static Task<BulkEditResult> EditAsync(VariationalAutoencoder model, EditSource source) =>
        BulkEditor.RunAsync(new FixedEdit(model, [Smiling]), source, 2, 90, (_, _) => Task.CompletedTask, null, CancellationToken.None);

    private static async Task<Dictionary<string, byte[]>> JpegsAsync(VariationalAutoencoder model, EditSource source)
    {
        var jpegs = new Dictionary<string, byte[]>();
        await BulkEditor.RunAsync(new FixedEdit(model, [Smiling]), source, 4, 90, (batch, _) =>
        {
            foreach (var (file, jpeg) in batch.Files.Zip(batch.Jpegs)) jpegs.Add(file, jpeg);
            return Task.CompletedTask;
        }, null, CancellationToken.None);
        return jpegs;
    }
}
