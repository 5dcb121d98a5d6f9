using System.Threading.Channels;
using VaeFaces.Ml.Data;

namespace VaeFaces.Ml.Editing;

/// <summary>
/// The images a bulk edit reads. Files are the images to edit, in order (and the progress total). With Decoded, the
/// pixels come from those decoded-cache rows (whose bad images are already skipped); without, each batch of files is
/// decoded from ImageFolder, a bad image failing the edit unless SkipBadImages.
/// </summary>
public sealed record EditSource(string ImageFolder, IReadOnlyList<string> Files, DecodedImages? Decoded, bool SkipBadImages)
{
    /// <summary>Writes batches of float CHW images to output, then completes it (with the error when one is thrown).</summary>
    internal async Task ReadAsync(int size, int batchSize, ChannelWriter<EditBatch> output, List<string> skipped, CancellationToken token)
    {
        try
        {
            var plane = 3 * size * size;
            var files = Decoded?.Images.Select(i => i.File).ToList() ?? Files;
            for (var start = 0; start < files.Count; start += batchSize)
            {
                var count = Math.Min(batchSize, files.Count - start);
                var batchFiles = Enumerable.Range(start, count).Select(i => files[i]).ToArray();
                var pixels = new float[count * plane];
                if (Decoded is not null)
                {
                    Decoded.CopyAsFloats(Enumerable.Range(start, count).ToArray(), pixels);
                    await output.WriteAsync(new EditBatch(batchFiles, pixels, count), token);
                    continue;
                }
                var problems = new string?[count];
                Parallel.For(0, count, new ParallelOptions { CancellationToken = token }, i =>
                {
                    var rgb = new byte[plane];
                    var path = LocalPath.Under(ImageFolder, batchFiles[i]);
                    problems[i] = !File.Exists(path) ? "image file not found" : ImageDecoder.TryDecode(File.ReadAllBytes(path), size, rgb);
                    if (problems[i] is null) PixelLayout.HwcBytesToChwFloats(rgb, pixels.AsSpan(i * plane, plane));
                });
                var good = new List<int>();
                for (var i = 0; i < count; i++)
                {
                    if (problems[i] is null) { good.Add(i); continue; }
                    var message = $"{batchFiles[i]}: {problems[i]}";
                    if (!SkipBadImages) throw new DatasetException(CelebAAttributes.ImageFolder, null, message + " (set SkipBadImages to skip bad images)");
                    skipped.Add(message);
                }
                if (good.Count == 0) continue;
                var packed = good.Count == count ? pixels : good.SelectMany(i => pixels.AsSpan(i * plane, plane).ToArray()).ToArray();
                await output.WriteAsync(new EditBatch(good.Select(i => batchFiles[i]).ToArray(), packed, good.Count), token);
            }
            output.Complete();
        }
        catch (Exception error)
        {
            output.Complete(error);
            throw;
        }
    }
}
