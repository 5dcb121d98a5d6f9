using System.Globalization;
using System.Text;

namespace VaeFaces.Worker.Evaluation;

/// <summary>edit_eval.md: the best method per attribute, then every method at its chosen magnitude.</summary>
public static class EditEvaluationReport
{
    public static string Markdown(EditEvaluationDocument document)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Edit evaluation: {document.Images} {document.EvaluationSplit} images, directions fitted on {document.FitSplit}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Reconstruction: PSNR {document.Reconstruction.Psnr:F2} dB, SSIM {document.Reconstruction.Ssim:F4}. Success is judged over images that lacked the attribute (added) or had it (removed), leaving out those where it was covered (Bald under a hat: counted apart in edit_eval.json); preservation over every other judged attribute except aliases and hair colours (one look over several columns). A magnitude is chosen per method as the smallest reaching success {Percent(document.MinSuccess)}.");
        text.AppendLine();
        text.AppendLine("| attribute | best method | magnitude | success | preservation | drift |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var a in document.Attributes)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {a.Name} | {a.Best.Method} | {a.Best.Magnitude:0.##} | {Percent(a.Best.Success)} | {Percent(a.Best.Preservation)} | {a.Best.Drift:F4} |");
        text.AppendLine();
        text.AppendLine("Per method at its chosen magnitude; the last column is how often each attribute the conditional direction projects out kept its judged value.");
        text.AppendLine();
        text.AppendLine("| attribute | method | magnitude | success | added | removed | preservation | drift | conditions kept |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var a in document.Attributes)
            foreach (var p in a.Chosen)
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {a.Name} | {p.Method} | {p.Magnitude:0.##} | {Percent(p.Success)} | {Percent(p.Added)} | {Percent(p.Removed)} | {Percent(p.Preservation)} | {p.Drift:F4} | {string.Join(", ", a.Conditions.Select(c => $"{c} {Percent(p.Kept.GetValueOrDefault(c))}"))} |");
        return text.ToString();
    }

    private static string Percent(double? fraction) => fraction is { } f ? f.ToString("P1", CultureInfo.InvariantCulture) : "n/a";
}
