namespace VaeFaces.Ml.Latent;

/// <summary>ROC AUC as the Mann-Whitney statistic: the chance a random positive outscores a random negative (ties count half).</summary>
public static class RocAuc
{
    public static double Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        if (scores.Count != positive.Count) throw new ArgumentException("scores and labels differ in length");
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        for (var i = 0; i < order.Length;)
        {
            // Tied scores share the mean of their ranks.
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]]) j++;
            var rank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (!positive[order[k]]) continue;
                positiveRankSum += rank;
                positives++;
            }
            i = j + 1;
        }
        var negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }
}
