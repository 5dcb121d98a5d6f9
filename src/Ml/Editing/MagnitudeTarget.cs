namespace VaeFaces.Ml.Editing;

/// <summary>
/// What a calibrated edit searches for: the smallest magnitude in [0, Bound] whose score reaches Probability, to within
/// Tolerance. Steps evenly spaced magnitudes bracket the first crossing, then bisection narrows it.
/// </summary>
public sealed record MagnitudeTarget(double Probability, double Bound, double Tolerance, int Steps = 8)
{
    public void Check()
    {
        if (!(Probability is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(Probability), Probability, "must be in [0, 1]");
        if (!(Bound > 0) || !double.IsFinite(Bound)) throw new ArgumentOutOfRangeException(nameof(Bound), Bound, "must be positive and finite");
        if (!(Tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "must be positive");
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "must be at least 1");
    }
}

/// <summary>
/// One image's answer. Reached: Magnitude is at most Tolerance above the smallest magnitude that reaches the target,
/// and Score is the score there. Not reached: no step up to the bound reached it; Magnitude and Score are those of the
/// best score seen.
/// </summary>
public readonly record struct MagnitudeResult(bool Reached, double Magnitude, double Score);
