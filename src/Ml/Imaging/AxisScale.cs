using System.Globalization;

namespace VaeFaces.Ml.Imaging;

/// <summary>
/// One axis: its data range, tick positions at round values (1, 2 or 5 times a power of ten, or whole decades
/// on a log axis) and their labels. Min and Max are in data units for a linear axis and in log10 units for a log axis.
/// </summary>
internal sealed class AxisScale
{
    private AxisScale(double min, double max, IReadOnlyList<double> ticks, IReadOnlyList<string> labels, bool log)
    {
        Min = min;
        Max = max;
        Ticks = ticks;
        Labels = labels;
        IsLog = log;
    }

    public double Min { get; }
    public double Max { get; }
    public IReadOnlyList<double> Ticks { get; }
    public IReadOnlyList<string> Labels { get; }
    public bool IsLog { get; }

    /// <summary>Where a data value lies along the axis: 0 at Min, 1 at Max.</summary>
    public double Fraction(double value) => ((IsLog ? Math.Log10(value) : value) - Min) / (Max - Min);

    /// <summary>
    /// A linear axis around [min, max]. With extendToTicks the range grows to the enclosing round ticks, otherwise
    /// it stays as given and only ticks inside it are kept. integerTicks keeps the step at 1 or more (indices).
    /// </summary>
    public static AxisScale Linear(double min, double max, int targetTicks = 6, bool extendToTicks = true, bool integerTicks = false)
    {
        (min, max) = Widen(min, max);
        var step = NiceStep((max - min) / Math.Max(1, targetTicks - 1));
        if (integerTicks) step = Math.Max(1, step);
        var first = Math.Floor(min / step + 1e-9);
        var last = Math.Ceiling(max / step - 1e-9);
        if (!extendToTicks)
        {
            first = Math.Ceiling(min / step - 1e-9);
            last = Math.Floor(max / step + 1e-9);
        }
        var ticks = new List<double>();
        for (var k = first; k <= last; k++) ticks.Add(Math.Abs(k) < 1e-9 ? 0 : k * step);
        if (extendToTicks && ticks.Count >= 2) (min, max) = (ticks[0], ticks[^1]);
        return new AxisScale(min, max, ticks, [.. ticks.Select(t => Format(t, step))], log: false);
    }

    /// <summary>A base-10 log axis over positive [min, max], extended to whole decades.</summary>
    public static AxisScale Log10(double min, double max)
    {
        var low = Math.Floor(Math.Log10(min) + 1e-9);
        var high = Math.Ceiling(Math.Log10(max) - 1e-9);
        if (high <= low) high = low + 1;
        var decades = (int)(high - low);
        var stride = (int)Math.Ceiling(decades / 8.0); // at most about 8 labelled decades
        var ticks = new List<double>();
        for (var k = 0; k <= decades; k += stride)
        {
            var decade = Math.Pow(10, low + k);
            ticks.Add(decade);
            // Within one or two decades, 2x and 5x ticks keep the axis readable.
            if (decades <= 2 && k < decades) ticks.AddRange([2 * decade, 5 * decade]);
        }
        return new AxisScale(low, high, ticks, [.. ticks.Select(FormatLog)], log: true);
    }

    /// <summary>The 1, 2 or 5 times a power of ten nearest the raw step (Heckbert's "nice numbers").</summary>
    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>A degenerate range (one value) becomes a small interval around it so that ticks still exist.</summary>
    private static (double Min, double Max) Widen(double min, double max)
    {
        if (max > min && max - min > 1e-12 * Math.Max(Math.Abs(min), Math.Abs(max))) return (min, max);
        var half = min == 0 ? 1 : Math.Abs(min) * 0.1;
        return (min - half, max + half);
    }

    /// <summary>Enough decimals to tell ticks apart; exponent notation for very large or very small values.</summary>
    private static string Format(double value, double step)
    {
        var magnitude = Math.Abs(value);
        if (magnitude >= 1e6 || step < 1e-4) return value == 0 ? "0" : value.ToString("0.###e+0", CultureInfo.InvariantCulture);
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string FormatLog(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude is >= 1e5 or < 1e-3
            ? value.ToString("0.#e+0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
