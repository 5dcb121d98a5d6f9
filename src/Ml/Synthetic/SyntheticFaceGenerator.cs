using System.Globalization;
using System.Text;
using VaeFaces.Ml.Data;

namespace VaeFaces.Ml.Synthetic;

/// <summary>
/// Writes a CelebA-layout dataset of drawn cartoon faces with known attributes, for demos and tests without the
/// real CelebA download. Every image depends only on (seed, index), so parallel generation is reproducible.
/// </summary>
public static class SyntheticFaceGenerator
{
    /// <summary>
    /// Attributes the generator draws, large enough to see at 64x64; their +1/-1 values are the ground truth.
    /// All other CelebA columns are written as -1.
    /// </summary>
    public static IReadOnlyList<string> DrawnAttributes => FaceAttributeRow.Drawn;

    /// <summary>
    /// Writes outDir/img_align_celeba/000001.jpg .. (178x218), list_eval_partition.txt and list_attr_celeba.txt.
    /// The two lists are written last (through temporary files), so an interrupted run never looks complete.
    /// </summary>
    /// <param name="progress">Receives the number of images written so far, in increasing order.</param>
    public static void Generate(string outDir, SyntheticFaceOptions options, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var imageDir = Path.Combine(outDir, CelebAAttributes.ImageFolder);
        Directory.CreateDirectory(imageDir);
        // Over an older set, drop its list first: until the new one is written the folder must not look complete.
        File.Delete(Path.Combine(outDir, CelebAAttributes.AttributeFile));
        var files = new string[options.Count];
        var rows = new sbyte[options.Count][];
        var reporter = new OrderedProgress(progress);
        Parallel.For(0, options.Count, new ParallelOptions { CancellationToken = cancellationToken }, index =>
        {
            var (jpeg, attributes) = DrawOne(options.Seed, index, options.JpegQuality);
            files[index] = FileName(index);
            File.WriteAllBytes(Path.Combine(imageDir, files[index]), jpeg);
            rows[index] = attributes;
            reporter.OneMore();
        });
        reporter.Finish();

        var splits = PartitionPlan.Assign(options.Count, options.Seed, options.ValidationFraction, options.TestFraction);
        WriteAtomically(Path.Combine(outDir, CelebAAttributes.PartitionFile),
            writer => CelebAPartitionFile.Write(writer, files.Select((file, i) => (file, splits[i]))));
        WriteAtomically(Path.Combine(outDir, CelebAAttributes.AttributeFile),
            writer => CelebAAttributeFile.Write(writer, new AttributeTable(CelebAAttributes.Names, files, rows)));
    }

    /// <summary>Draws image number index (0-based; Generate writes it as FileName(index)) of the dataset for seed.</summary>
    /// <returns>The JPEG bytes and the 40 attribute values (+1/-1) in CelebAAttributes.Names order.</returns>
    public static (byte[] Jpeg, sbyte[] Attributes) DrawOne(int seed, int index, int jpegQuality = 90)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(jpegQuality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jpegQuality, 100);
        var (traits, style) = FaceSampler.Sample(ImageRandom.For(seed, index));
        return (FaceRenderer.RenderJpeg(traits, style, jpegQuality), FaceAttributeRow.For(traits));
    }

    /// <summary>CelebA's naming: 1-based and zero-padded to six digits, so index 0 is 000001.jpg.</summary>
    internal static string FileName(int index) => (index + 1).ToString("D6", CultureInfo.InvariantCulture) + ".jpg";

    private static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
        {
            write(writer);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
