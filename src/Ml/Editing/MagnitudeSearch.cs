namespace VaeFaces.Ml.Editing;

/// <summary>
/// Per-image search for the smallest edit magnitude at which a score (the judge's probability of the target) reaches
/// a target. Magnitudes are non-negative: to remove an attribute, edit along the negated direction and score 1 - p.
/// Assumes the score rises with the magnitude, at least from the first step that reaches the target back to the step
/// before it; a score that dips later does not matter.
/// </summary>
public static class MagnitudeSearch
{
    private enum State { Searching, Bracketed, Reached, Missed }

    /// <param name="scores">
    /// Scores of count images, each at its own magnitude, in one call: one decode and one judging of the whole batch.
    /// Every call passes a magnitude for every image; those of images already settled repeat their answer and their
    /// scores are ignored. A NaN score counts as not reaching the target.
    /// </param>
    /// <remarks>Calls scores at most 1 + Steps + ceil(log2(Bound / Steps / Tolerance)) times.</remarks>
    public static MagnitudeResult[] Find(Func<double[], double[]> scores, int count, MagnitudeTarget target)
    {
        target.Check();
        if (count == 0) return [];
        var state = new State[count];
        var low = new double[count];
        var high = new double[count];
        var highScore = new double[count];
        var best = new double[count];
        var bestScore = new double[count];
        var magnitudes = new double[count];

        double[] Score()
        {
            var result = scores(magnitudes);
            if (result.Length != count) throw new InvalidOperationException($"the score function returned {result.Length} scores for {count} images");
            return result;
        }

        var atZero = Score();
        for (var n = 0; n < count; n++)
        {
            (best[n], bestScore[n]) = (0, atZero[n]);
            if (atZero[n] >= target.Probability) (state[n], high[n], highScore[n]) = (State.Reached, 0, atZero[n]);
        }

        // Bracketing: the first of the evenly spaced magnitudes that reaches the target; the step before it did not.
        for (var k = 1; k <= target.Steps && state.Contains(State.Searching); k++)
        {
            var m = target.Bound * k / target.Steps;
            for (var n = 0; n < count; n++) magnitudes[n] = state[n] == State.Searching ? m : high[n];
            var s = Score();
            for (var n = 0; n < count; n++)
            {
                if (state[n] != State.Searching) continue;
                if (s[n] > bestScore[n] || double.IsNaN(bestScore[n])) (best[n], bestScore[n]) = (m, s[n]);
                if (s[n] >= target.Probability) (state[n], high[n], highScore[n]) = (State.Bracketed, m, s[n]);
                else low[n] = m;
            }
        }
        for (var n = 0; n < count; n++)
            if (state[n] == State.Searching) (state[n], high[n]) = (State.Missed, best[n]);

        // Bisection of (low, high]: low does not reach the target, high does.
        while (Enumerable.Range(0, count).Any(n => state[n] == State.Bracketed && high[n] - low[n] > target.Tolerance))
        {
            var active = new bool[count];
            for (var n = 0; n < count; n++)
            {
                active[n] = state[n] == State.Bracketed && high[n] - low[n] > target.Tolerance;
                magnitudes[n] = active[n] ? (low[n] + high[n]) / 2 : high[n];
            }
            var s = Score();
            for (var n = 0; n < count; n++)
            {
                if (!active[n]) continue;
                if (s[n] >= target.Probability) (high[n], highScore[n]) = (magnitudes[n], s[n]);
                else low[n] = magnitudes[n];
            }
        }

        return Enumerable.Range(0, count).Select(n => state[n] == State.Missed
            ? new MagnitudeResult(false, best[n], bestScore[n])
            : new MagnitudeResult(true, high[n], highScore[n])).ToArray();
    }

    /// <summary>The search for one image with a score of one magnitude.</summary>
    public static MagnitudeResult Find(Func<double, double> score, MagnitudeTarget target) =>
        Find(magnitudes => magnitudes.Select(score).ToArray(), 1, target)[0];
}
