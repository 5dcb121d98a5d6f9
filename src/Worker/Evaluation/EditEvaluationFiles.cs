using VaeFaces.Ml.Evaluation;

namespace VaeFaces.Worker.Evaluation;

/// <summary>One sweep point; fractions are null where nothing was counted (no image to add the attribute to, say).</summary>
public sealed record EditPointInfo(string Method, double Magnitude, double? Success, double? Added, double? Removed, double? Preservation,
    double Drift, int Eligible)
{
    /// <summary>Preservation of each other attribute alone.</summary>
    public IReadOnlyDictionary<string, double?> Kept { get; init; } = new Dictionary<string, double?>();
    /// <summary>Images left out of Success because the attribute was covered (Bald under a hat); null when none were.</summary>
    public int? CoveredImages { get; init; }
    /// <summary>Of those, the fraction that show the edit anyway (the cover taken off).</summary>
    public double? CoveredShowing { get; init; }

    public static EditPointInfo Of(EditPoint p) => new(p.Method, p.Magnitude, Rounded(p.Success), Rounded(p.Added), Rounded(p.Removed),
        Rounded(p.Preservation), Math.Round(p.Drift, 5), p.Success.Of)
    {
        Kept = p.Kept.ToDictionary(k => k.Key, k => Rounded(k.Value)),
        CoveredImages = p.Covered.Of > 0 ? p.Covered.Of : null,
        CoveredShowing = Rounded(p.Covered),
    };

    private static double? Rounded(EditRate rate) => double.IsNaN(rate.Fraction) ? null : Math.Round(rate.Fraction, 4);
}

/// <summary>
/// An attribute's results: the best method at its chosen magnitude, each method's chosen point, every sweep point.
/// Excluded are the attributes left out of its preservation: aliases (the same labels under another name) and the other
/// members of its exclusive group (hair colours); Conditions are what its conditional direction was made orthogonal to.
/// </summary>
public sealed record EditedAttributeInfo(string Name, IReadOnlyList<string> Excluded, IReadOnlyList<string> Conditions, EditPointInfo Best,
    IReadOnlyList<EditPointInfo> Chosen, IReadOnlyList<EditPointInfo> Sweep);

public sealed record ReconstructionInfo(double Psnr, double Ssim);

/// <summary>edit_eval.json.</summary>
public sealed record EditEvaluationDocument(string FitSplit, string EvaluationSplit, int Images, double MinSuccess, double PresentAt,
    IReadOnlyList<string> Methods, IReadOnlyList<double> Magnitudes, ReconstructionInfo Reconstruction, IReadOnlyList<EditedAttributeInfo> Attributes);

public static class EditEvaluationFiles
{
    public const string Json = "edit_eval.json";
    public const string Markdown = "edit_eval.md";
    public const string Examples = "edits.png";
    public const string Tradeoff = "success_vs_preservation.png";

    public static string SuccessPlot(string method) => $"success_vs_magnitude_{method}.png";
}
