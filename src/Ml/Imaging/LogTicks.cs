using System.Globalization;
using ScottPlot;

namespace VaeFaces.Ml.Imaging;

/// <summary>
/// Ticks for an axis that holds log10 of the data, since ScottPlot 5 has no log scale: labels show the data values.
/// Loss curves often span less than a decade, where decades alone would leave one label or none, so the most
/// labelled multiples of each power of ten that the axis has room for are used: 1 to 9, else 1, 2, 3, 5 and 7,
/// else 1, 2 and 5, else every decade or every few. The multiples left unlabelled get minor ticks.
/// </summary>
internal sealed class LogTicks : ITickGenerator
{
    private const float MinimumLabelSpacing = 24; // pixels between labelled ticks, about twice a label's height

    private static readonly int[][] LabelledMultiples = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 5, 7], [1, 2, 5], [1]];

    public Tick[] Ticks { get; set; } = [];

    public int MaxTickCount { get; set; } = 1000;

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        var (low, high) = (Math.Min(range.Min, range.Max), Math.Max(range.Min, range.Max));
        if (!double.IsFinite(low) || !double.IsFinite(high) || high <= low || size.Length <= 0)
        {
            Ticks = [];
            return;
        }
        var pixelsPerDecade = size.Length / (high - low);
        // The narrowest gap between neighbouring labels of each set, in decades (e.g. 9 to 10 for 1 to 9).
        var labelled = LabelledMultiples.FirstOrDefault(set => NarrowestGap(set) * pixelsPerDecade >= MinimumLabelSpacing) ?? [1];
        var stride = labelled.Length > 1 ? 1 : Math.Max(1, (int)Math.Ceiling(MinimumLabelSpacing / pixelsPerDecade));

        var ticks = new List<Tick>();
        for (var k = (int)Math.Floor(low); k <= (int)Math.Ceiling(high); k++)
        {
            for (var multiple = 1; multiple <= 9; multiple++)
            {
                var position = k + Math.Log10(multiple);
                if (position < low || position > high) continue;
                var major = labelled.Contains(multiple) && (multiple != 1 || k % stride == 0);
                ticks.Add(major ? Tick.Major(position, Format(multiple * Math.Pow(10, k))) : Tick.Minor(position));
            }
        }
        Ticks = [.. ticks.Take(MaxTickCount)];
    }

    private static double NarrowestGap(int[] multiples) =>
        multiples.Zip([.. multiples.Skip(1), 10]).Min(pair => Math.Log10((double)pair.Second / pair.First));

    private static string Format(double value) =>
        Math.Abs(value) is >= 1e5 or < 1e-3
            ? value.ToString("0.#e+0", CultureInfo.InvariantCulture)
            : value.ToString("0.####", CultureInfo.InvariantCulture);
}
