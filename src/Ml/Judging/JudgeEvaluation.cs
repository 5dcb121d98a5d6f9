using VaeFaces.Ml.Latent;

namespace VaeFaces.Ml.Judging;

/// <summary>How well the judge tells one attribute on held-out images: accuracy at p = 0.5 and ROC AUC.</summary>
public sealed record AttributeScore(string Name, double Accuracy, double? Auc, int Positives, int Negatives);

public static class JudgeEvaluation
{
    /// <param name="probabilities">[images * attributes] row-major, as <see cref="AttributeJudge.Score"/> returns them.</param>
    public static IReadOnlyList<AttributeScore> Evaluate(float[] probabilities, AttributeLabels labels, IReadOnlyList<string> names)
    {
        if (probabilities.Length != labels.Count * labels.Attributes || names.Count != labels.Attributes)
            throw new ArgumentException($"{probabilities.Length} probabilities for {labels.Count} images x {labels.Attributes} attributes ({names.Count} names)");
        var scores = new List<AttributeScore>();
        for (var a = 0; a < labels.Attributes; a++)
        {
            var p = Enumerable.Range(0, labels.Count).Select(n => (double)probabilities[n * labels.Attributes + a]).ToList();
            var truth = Enumerable.Range(0, labels.Count).Select(n => labels[n, a]).ToList();
            var correct = Enumerable.Range(0, labels.Count).Count(n => p[n] >= 0.5 == truth[n]);
            var auc = RocAuc.Compute(p, truth);
            var positives = truth.Count(t => t);
            scores.Add(new AttributeScore(names[a], labels.Count == 0 ? double.NaN : (double)correct / labels.Count,
                double.IsNaN(auc) ? null : auc, positives, labels.Count - positives));
        }
        return scores;
    }
}
