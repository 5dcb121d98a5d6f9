using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VaeFaces.Ml.Data;

/// <summary>
/// Decodes a dataset split once into a cache file keyed by the dataset path, the image list (names, sizes, times)
/// and the size. A second epoch, job or process maps the file instead of decoding JPEGs again.
/// </summary>
public sealed class DecodedImageCache(string cacheDirectory)
{
    private sealed record CacheIndex(int Size, string[] Files, int Skipped);

    public DecodedImages Load(CelebADataset dataset, IReadOnlyList<DatasetImage> images, int size, bool skipBadImages,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(cacheDirectory);
        var key = Key(dataset, images, size, skipBadImages);
        var dataPath = Path.Combine(cacheDirectory, key + ".rgb");
        var indexPath = Path.Combine(cacheDirectory, key + ".json");
        if (!File.Exists(dataPath) || !File.Exists(indexPath))
        {
            Build(dataset, images, size, skipBadImages, dataPath, indexPath, progress, cancellationToken);
        }
        // The last use, by which a size limit evicts the least recently used entry (see Entries).
        File.SetLastWriteTimeUtc(dataPath, DateTime.UtcNow);
        var index = JsonSerializer.Deserialize<CacheIndex>(File.ReadAllText(indexPath))!;
        var kept = new HashSet<string>(index.Files, StringComparer.Ordinal);
        return new DecodedImages(dataPath, images.Where(i => kept.Contains(i.File)).ToList(), size, index.Skipped);
    }

    /// <summary>The entries in a cache folder, each its paths: the decoded images first (whose time is its last use), then its index.</summary>
    public static IEnumerable<string[]> Entries(string cacheDirectory) =>
        Directory.Exists(cacheDirectory)
            ? Directory.EnumerateFiles(cacheDirectory, "*.rgb").Select(data => new[] { data, Path.ChangeExtension(data, ".json") })
            : [];

    private const int Chunk = 512;

    private static void Build(CelebADataset dataset, IReadOnlyList<DatasetImage> images, int size, bool skipBadImages,
        string dataPath, string indexPath, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var bytesPerImage = size * size * 3;
        var kept = new List<string>(images.Count);
        var errors = new List<string>();
        // Written under temporary names and renamed, so a killed process never leaves a cache that looks complete.
        var temporary = dataPath + $".{Environment.ProcessId}.tmp";
        try
        {
            Decode(dataset, images, size, skipBadImages, temporary, bytesPerImage, kept, errors, progress, cancellationToken);
            if (errors.Count > 0 && !skipBadImages)
            {
                throw new DatasetException(dataset.Name, null, errors[0] + (errors.Count > 1
                    ? $" (and {errors.Count - 1} more bad images; set skip-bad-images to skip them)"
                    : " (set skip-bad-images to skip bad images)"));
            }
            File.WriteAllText(indexPath + ".tmp", JsonSerializer.Serialize(new CacheIndex(size, kept.ToArray(), errors.Count)));
            File.Move(temporary, dataPath, overwrite: true);
            File.Move(indexPath + ".tmp", indexPath, overwrite: true);
        }
        finally
        {
            // A failed decode (bad image, cancelled, disk full) leaves nothing behind; after success both are moved already.
            File.Delete(temporary);
            File.Delete(indexPath + ".tmp");
        }
    }

    private static void Decode(CelebADataset dataset, IReadOnlyList<DatasetImage> images, int size, bool skipBadImages, string temporary,
        int bytesPerImage, List<string> kept, List<string> errors, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        using (var output = File.Create(temporary))
        {
            // Decoded in parallel chunks and written in order, so memory stays bounded for the full 200k-image CelebA.
            var buffer = new byte[Chunk * bytesPerImage];
            var problems = new string?[Chunk];
            for (var start = 0; start < images.Count; start += Chunk)
            {
                var count = Math.Min(Chunk, images.Count - start);
                Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken },
                    i => problems[i] = DecodeOne(dataset, images[start + i], size, buffer.AsSpan(i * bytesPerImage, bytesPerImage)));
                for (var i = 0; i < count; i++)
                {
                    if (problems[i] is { } problem)
                    {
                        errors.Add(problem);
                        continue;
                    }
                    output.Write(buffer, i * bytesPerImage, bytesPerImage);
                    kept.Add(images[start + i].File);
                }
                if (errors.Count > 0 && !skipBadImages) break;
                progress?.Report(start + count);
            }
        }
    }

    private static string? DecodeOne(CelebADataset dataset, DatasetImage image, int size, Span<byte> rgb)
    {
        var path = dataset.ImagePath(image);
        var where = $"{CelebAAttributes.ImageFolder}/{image.File} ({CelebAAttributes.AttributeFile} line {image.AttributeLine})";
        if (!File.Exists(path)) return $"{where}: image file not found";
        var problem = ImageDecoder.TryDecode(File.ReadAllBytes(path), size, rgb);
        return problem is null ? null : $"{where}: {problem}";
    }

    private static string Key(CelebADataset dataset, IReadOnlyList<DatasetImage> images, int size, bool skipBadImages)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Path.GetFullPath(dataset.Root)}|{size}|{skipBadImages}"));
        foreach (var image in images)
        {
            var info = new FileInfo(dataset.ImagePath(image));
            var stamp = info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "missing";
            hash.AppendData(Encoding.UTF8.GetBytes($"|{image.File}:{stamp}"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
