using VaeFaces.Ml.Data;
using VaeFaces.Ml.Latent;

namespace VaeFaces.Ml.Judging;

/// <summary>The judged attributes' labels of a set of images as 0/1 floats, [images, attributes], row i for image i.</summary>
public sealed class AttributeLabels
{
    private readonly float[] values;

    private AttributeLabels(float[] values, int count, int attributes)
    {
        this.values = values;
        Count = count;
        Attributes = attributes;
    }

    public int Count { get; }
    public int Attributes { get; }

    public bool this[int image, int attribute] => values[image * Attributes + attribute] > 0;

    /// <param name="columns">Each judged attribute's column in the dataset's attribute table.</param>
    public static AttributeLabels Of(IReadOnlyList<DatasetImage> images, IReadOnlyList<int> columns)
    {
        var values = new float[images.Count * columns.Count];
        for (var n = 0; n < images.Count; n++)
            for (var a = 0; a < columns.Count; a++)
                values[n * columns.Count + a] = images[n].Attributes[columns[a]] > 0 ? 1 : 0;
        return new AttributeLabels(values, images.Count, columns.Count);
    }

    /// <summary>The labels of rows, in order, into target (rows x attributes).</summary>
    public void Copy(ReadOnlySpan<int> rows, Span<float> target)
    {
        for (var i = 0; i < rows.Length; i++) values.AsSpan(rows[i] * Attributes, Attributes).CopyTo(target.Slice(i * Attributes, Attributes));
    }

    public int Positives(int attribute)
    {
        var count = 0;
        for (var n = 0; n < Count; n++) if (this[n, attribute]) count++;
        return count;
    }

    /// <summary>
    /// BCE's pos_weight per attribute, negatives / positives: a rare attribute's few positives weigh as much as its
    /// negatives, so the judge does not learn to always say "no" (and p = 0.5 is the balanced decision threshold).
    /// </summary>
    public float[] BalancedPositiveWeights() =>
        Enumerable.Range(0, Attributes).Select(a => (float)(Count - Positives(a)) / Math.Max(1, Positives(a))).ToArray();

    /// <summary>
    /// The attributes a judge can learn from these images: at least minCount positives and negatives, the rule
    /// ExtractAttributeVectors applies (<see cref="AttributeVectors.WhyNoVector"/>); the rest with the reason.
    /// </summary>
    public static (IReadOnlyList<int> Columns, IReadOnlyList<SkippedAttribute> Skipped) Learnable(
        IReadOnlyList<DatasetImage> images, IReadOnlyList<string> names, int minCount)
    {
        var skipped = AttributeVectors.Unfittable(images.Select(i => i.Attributes).ToList(), names, minCount);
        var columns = Enumerable.Range(0, names.Count).Where(a => skipped.All(s => s.Name != names[a])).ToList();
        return (columns, skipped);
    }
}
