using TorchSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Judging;
using VaeFaces.Ml.Model;
using static TorchSharp.torch;

namespace VaeFaces.Ml.Evaluation;

/// <summary>One method's directions by attribute name, at the scale <see cref="Latent.AttributeDirections"/> gives them.</summary>
public sealed record MethodDirections(string Method, IReadOnlyDictionary<string, float[]> Vectors);

/// <summary>
/// One attribute edited by one method at one magnitude. Every image is moved towards the other side of its own
/// judged state: an image without the attribute is edited by +magnitude (Added counts those that gain it), one with
/// it by -magnitude (Removed). Success adds both; Preservation and Drift are over every image, and Kept is
/// preservation broken down by the other attributes. Covered counts, apart from Success, the images where the
/// attribute could not be seen before (Bald under a hat), and how many show the edit after anyway.
/// </summary>
public sealed record EditPoint(string Attribute, string Method, double Magnitude, EditRate Success, EditRate Added, EditRate Removed,
    EditRate Preservation, double Drift)
{
    public IReadOnlyDictionary<string, EditRate> Kept { get; init; } = new Dictionary<string, EditRate>();
    public EditRate Covered { get; init; }
}

public sealed record EditSweepResult(int Images, double Psnr, double Ssim, IReadOnlyList<EditPoint> Points);

/// <summary>
/// Encode, edit, decode, judge: for every attribute, method and magnitude, over a set of images. The codes are z_mean
/// (no sampling), so the sweep is deterministic. "Before" is the judge on the unedited reconstruction (see EditMetrics).
/// </summary>
public sealed class EditSweep : IDisposable
{
    /// <summary>A judged probability at or above this is "present".</summary>
    public const double Present = 0.5;

    private readonly VariationalAutoencoder model;
    private readonly AttributeJudge judge;
    private readonly int batchSize;
    private readonly Tensor codes;
    private readonly Tensor reconstructions;
    private readonly bool[][] before;
    // Judge column of a covered attribute to the column of what covers it (CelebAAttributes.HiddenBy).
    private readonly Dictionary<int, int> coveredBy;

    public int Count { get; }
    public double Psnr { get; }
    public double Ssim { get; }

    /// <summary>Encodes and reconstructs the images once, scores the reconstructions, and measures PSNR and SSIM against the originals.</summary>
    public EditSweep(VariationalAutoencoder model, AttributeJudge judge, ImageBatch images, int batchSize)
    {
        (this.model, this.judge, this.batchSize, Count) = (model, judge, batchSize, images.Count);
        coveredBy = CelebAAttributes.HiddenBy.Where(h => judge.IndexOf(h.Key) >= 0 && judge.IndexOf(h.Value) >= 0)
            .ToDictionary(h => judge.IndexOf(h.Key), h => judge.IndexOf(h.Value));
        model.eval();
        var device = Devices.Best();
        var codeBatches = new List<Tensor>();
        var reconstructionBatches = new List<Tensor>();
        var psnr = new List<double>();
        var ssim = new List<double>();
        var plane = 3 * images.Height * images.Width;
        using (torch.no_grad())
        {
            for (var start = 0; start < Count; start += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                var count = Math.Min(batchSize, Count - start);
                var originals = ImageTensors.ToTensor(images with { Pixels = images.Pixels[(start * plane)..((start + count) * plane)], Count = count }, device);
                var (mean, _) = model.Encode(originals);
                var reconstruction = model.Decode(mean);
                psnr.AddRange(Evaluation.Psnr.Compute(reconstruction, originals));
                ssim.AddRange(Evaluation.Ssim.Compute(reconstruction, originals));
                codeBatches.Add(mean.MoveToOuterDisposeScope());
                reconstructionBatches.Add(reconstruction.MoveToOuterDisposeScope());
            }
            codes = torch.cat(codeBatches, 0);
            reconstructions = torch.cat(reconstructionBatches, 0);
        }
        foreach (var t in codeBatches.Concat(reconstructionBatches)) t.Dispose();
        before = Verdicts(reconstructions);
        Psnr = psnr.Average();
        Ssim = ssim.Average();
    }

    /// <summary>Every (attribute, method, magnitude) point, in that order.</summary>
    /// <param name="excluded">Per attribute, other attributes preservation does not count (its aliases).</param>
    public IReadOnlyList<EditPoint> Run(IReadOnlyList<string> attributes, IReadOnlyList<MethodDirections> methods, IReadOnlyList<double> magnitudes,
        Func<string, IReadOnlyList<string>> excluded, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var points = new List<EditPoint>();
        var total = attributes.Count * methods.Count * magnitudes.Count;
        foreach (var attribute in attributes)
        {
            var column = Column(attribute);
            var edited = excluded(attribute).Select(Column).Append(column).ToHashSet();
            var had = before.Select(row => row[column]).ToArray();
            var covered = Enumerable.Range(0, Count).Select(n => Covered(n, attribute)).ToArray();
            foreach (var method in methods)
                foreach (var magnitude in magnitudes)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var (after, drift) = Edit(method.Vectors[attribute], magnitude, had);
                    var shows = after.Select(row => row[column]).ToArray();
                    var added = EditMetrics.Success(had, shows, adding: true, covered);
                    var removed = EditMetrics.Success(had, shows, adding: false, covered);
                    var kept = Enumerable.Range(0, judge.Attributes.Count).Where(a => !edited.Contains(a)).ToDictionary(a => judge.Attributes[a],
                        a => EditMetrics.Preservation(before, after, [.. Enumerable.Range(0, judge.Attributes.Count).Where(other => other != a)], coveredBy));
                    points.Add(new EditPoint(attribute, method.Method, magnitude, new EditRate(added.Count + removed.Count, added.Of + removed.Of),
                        added, removed, EditMetrics.Preservation(before, after, edited, coveredBy), drift)
                    {
                        Kept = kept,
                        Covered = new EditRate(Enumerable.Range(0, Count).Count(n => covered[n] && shows[n] != had[n]), covered.Count(c => c)),
                    });
                    progress?.Report((double)points.Count / total);
                }
        }
        return points;
    }

    /// <summary>Reconstructions and edits of some images: rows of pairs (reconstruction, edited) for a grid.</summary>
    public ImageBatch Examples(IReadOnlyList<int> rows, float[] vector, double magnitude, string attribute)
    {
        var column = Column(attribute);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var index = torch.tensor(rows.Select(r => (long)r).ToArray(), device: codes.device);
        var signs = torch.tensor(rows.Select(r => before[r][column] ? -1f : 1f).ToArray(), device: codes.device).unsqueeze(1);
        var moved = codes.index_select(0, index) + signs * (float)magnitude * torch.tensor(vector, device: codes.device);
        var pairs = torch.stack([reconstructions.index_select(0, index), model.Decode(moved)], 1).flatten(0, 1);
        return ImageTensors.ToBatch(pairs);
    }

    /// <summary>Whether the judge saw the attribute in each reconstruction.</summary>
    public bool Had(int row, string attribute) => before[row][Column(attribute)];

    /// <summary>Whether the attribute was covered in the reconstruction (Bald under a hat), so that Success leaves the image out.</summary>
    public bool Covered(int row, string attribute) => coveredBy.TryGetValue(Column(attribute), out var cover) && before[row][cover];

    private (bool[][] After, double Drift) Edit(float[] vector, double magnitude, bool[] had)
    {
        using var noGrad = torch.no_grad();
        var after = new bool[Count][];
        double drift = 0;
        for (var start = 0; start < Count; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var count = Math.Min(batchSize, Count - start);
            var signs = torch.tensor(had[start..(start + count)].Select(h => h ? -1f : 1f).ToArray(), device: codes.device).unsqueeze(1);
            var moved = codes.narrow(0, start, count) + signs * (float)magnitude * torch.tensor(vector, device: codes.device);
            var images = model.Decode(moved);
            drift += PixelDrift.MeanAbsolute(images, reconstructions.narrow(0, start, count)).Sum();
            Verdicts(images).CopyTo(after, start);
        }
        return (after, drift / Count);
    }

    private bool[][] Verdicts(Tensor images)
    {
        var attributes = judge.Attributes.Count;
        var result = new bool[images.shape[0]][];
        for (var start = 0; start < result.Length; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var count = (int)Math.Min(batchSize, result.Length - start);
            var p = judge.Probabilities(images.narrow(0, start, count)).cpu().data<float>().ToArray();
            for (var n = 0; n < count; n++)
                result[start + n] = Enumerable.Range(0, attributes).Select(a => p[n * attributes + a] >= Present).ToArray();
        }
        return result;
    }

    private int Column(string attribute) => judge.IndexOf(attribute) is >= 0 and var column
        ? column : throw new ArgumentException($"the judge does not judge {attribute}", nameof(attribute));

    public void Dispose()
    {
        codes.Dispose();
        reconstructions.Dispose();
    }
}
