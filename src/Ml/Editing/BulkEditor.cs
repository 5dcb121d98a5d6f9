using System.Threading.Channels;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Editing;

/// <summary>
/// Edits every image of a source and hands each batch back as JPEGs. Reading, the model and encoding plus writing run as
/// three overlapping stages; the model runs on the calling thread.
/// </summary>
public static class BulkEditor
{
    private const int GridImages = 8;

    /// <param name="writeAsync">Stores one batch of JPEGs; called in order, one batch at a time.</param>
    /// <param name="progress">The fraction of the source's files edited.</param>
    public static async Task<BulkEditResult> RunAsync(IBatchEdit edit, EditSource source,
        int batchSize, int jpegQuality, Func<EditedJpegs, CancellationToken, Task> writeAsync, IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        var size = edit.ImageSize;
        var outcomes = new Dictionary<string, CalibrationOutcome>(StringComparer.Ordinal);
        var skipped = new List<string>();
        var read = Channel.CreateBounded<EditBatch>(2);
        var edited = Channel.CreateBounded<EditBatch>(2);
        var written = new List<string>();
        var before = new List<float>();
        var after = new List<float>();
        // A failing stage cancels the others, then its own exception is the one reported.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Stage(() => source.ReadAsync(size, batchSize, read.Writer, skipped, failed.Token), failed);
        var writer = Stage(() => WriteAsync(size, jpegQuality, edited.Reader, writeAsync, written, after, failed.Token), failed);
        try
        {
            var done = 0;
            await foreach (var batch in read.Reader.ReadAllAsync(failed.Token))
            {
                var result = edit.Edit(new ImageBatch(batch.Pixels, batch.Count, size, size));
                var keep = Kept(batch, result, outcomes);
                var original = Select(batch, batch.Pixels, keep, size);
                if (before.Count < GridImages * 3 * size * size) before.AddRange(original.Pixels.Take(Math.Min(original.Count, GridImages) * 3 * size * size));
                await edited.Writer.WriteAsync(Select(batch, result.Images.Pixels, keep, size), failed.Token);
                done += batch.Count;
                progress?.Report((double)done / source.Files.Count);
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            edited.Writer.TryComplete();
            await Task.WhenAll(reader, writer);
        }

        var shown = Math.Min(GridImages, written.Count);
        var grid = new ImageBatch([.. before.Take(shown * 3 * size * size), .. after.Take(shown * 3 * size * size)], 2 * shown, size, size);
        return new BulkEditResult(written, skipped, grid, outcomes);
    }

    /// <summary>The rows to write: all, minus those a calibrated edit leaves out. Every outcome is recorded by file.</summary>
    private static int[] Kept(EditBatch batch, EditedBatch result, Dictionary<string, CalibrationOutcome> outcomes)
    {
        if (result.Outcomes is null) return [.. Enumerable.Range(0, batch.Count)];
        for (var i = 0; i < batch.Count; i++) outcomes[batch.Files[i]] = result.Outcomes[i];
        return [.. Enumerable.Range(0, batch.Count).Where(i => result.Outcomes[i].Keep)];
    }

    private static EditBatch Select(EditBatch batch, float[] pixels, int[] rows, int size)
    {
        if (rows.Length == batch.Count) return batch with { Pixels = pixels };
        var plane = 3 * size * size;
        return new EditBatch(rows.Select(i => batch.Files[i]).ToArray(), rows.SelectMany(i => pixels.AsSpan(i * plane, plane).ToArray()).ToArray(), rows.Length);
    }

    private static Task Stage(Func<Task> work, CancellationTokenSource failed) => Task.Run(async () =>
    {
        try
        {
            await work();
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    });

    private static async Task WriteAsync(int size, int jpegQuality, ChannelReader<EditBatch> input,
        Func<EditedJpegs, CancellationToken, Task> writeAsync, List<string> written, List<float> after, CancellationToken token)
    {
        var plane = 3 * size * size;
        await foreach (var batch in input.ReadAllAsync(token))
        {
            if (after.Count < GridImages * plane) after.AddRange(batch.Pixels.Take(Math.Min(batch.Count, GridImages) * plane));
            var jpegs = new byte[batch.Count][];
            Parallel.For(0, batch.Count, i => jpegs[i] = ImageEncoder.Jpeg(batch.Pixels.AsSpan(i * plane, plane), size, size, jpegQuality));
            await writeAsync(new EditedJpegs(batch.Files, jpegs), token);
            written.AddRange(batch.Files);
        }
    }
}
