namespace VaeFaces.Ml.Latent;

/// <summary>
/// Phi coefficients (Pearson correlation of 0/1 labels) between every pair of attributes of some rows: how strongly the
/// data ties one attribute to another, which is what a mean-difference direction carries along.
/// </summary>
public sealed class LabelCorrelations
{
    private readonly double[,] phi;

    public IReadOnlyList<string> Names { get; }

    public LabelCorrelations(IReadOnlyList<sbyte[]> rows, IReadOnlyList<string> names)
    {
        Names = names;
        var count = names.Count;
        var positives = new int[count];
        var both = new int[count, count];
        foreach (var row in rows)
            for (var a = 0; a < count; a++)
            {
                if (row[a] <= 0) continue;
                positives[a]++;
                for (var b = 0; b < count; b++) if (row[b] > 0) both[a, b]++;
            }
        phi = new double[count, count];
        double n = rows.Count;
        for (var a = 0; a < count; a++)
            for (var b = 0; b < count; b++)
            {
                double pa = positives[a] / n, pb = positives[b] / n, pab = both[a, b] / n;
                var spread = Math.Sqrt(pa * (1 - pa) * pb * (1 - pb));
                // A constant label correlates with nothing.
                phi[a, b] = spread == 0 ? 0 : (pab - pa * pb) / spread;
            }
    }

    public double Phi(int a, int b) => phi[a, b];

    public double Phi(string a, string b) => phi[IndexOf(a), IndexOf(b)];

    /// <summary>Other attributes whose labels are the same as a's or the opposite, to within aliasCorrelation.</summary>
    public IReadOnlyList<string> Aliases(string a, double aliasCorrelation) =>
        Others(a).Where(b => Math.Abs(Phi(a, b)) >= aliasCorrelation).ToList();

    private IEnumerable<string> Others(string a)
    {
        var self = IndexOf(a);
        return Names.Where((_, i) => i != self);
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new ArgumentException($"no attribute named {name}", nameof(name));
    }
}
