using VaeFaces.Contracts;
using VaeFaces.Ml.Editing;

namespace VaeFaces.Worker.Editing;

/// <summary>One image of a calibrated edit: the magnitude each attribute got, the judge's score there, and whether it was written.</summary>
public sealed record CalibratedImageInfo(string File, bool Reached, bool Written, double Score, IReadOnlyDictionary<string, double> Magnitudes);

/// <summary>calibration.json: how many images reached the target within the bounds, and each image's magnitudes.</summary>
public sealed record CalibrationReport(double Probability, double Tolerance, string Misses, int Images, int Reached, int Missed, int Dropped,
    double ReachedFraction, double MeanScale, IReadOnlyList<CalibratedImageInfo> PerImage)
{
    public const string FileName = "calibration.json";

    public static CalibrationReport Of(EditCalibration settings, IReadOnlyList<LatentEdit> edits, IReadOnlyDictionary<string, CalibrationOutcome> outcomes)
    {
        var images = outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new CalibratedImageInfo(o.Key, o.Value.Reached, o.Value.Keep,
            Math.Round(o.Value.Score, 4), edits.ToDictionary(e => e.Name, e => Math.Round(o.Value.Scale * e.Magnitude, 4)))).ToList();
        var reached = images.Count(i => i.Reached);
        return new CalibrationReport(settings.Probability, settings.Tolerance, settings.Misses, images.Count, reached, images.Count - reached,
            images.Count(i => !i.Written), images.Count == 0 ? 0 : (double)reached / images.Count,
            outcomes.Count == 0 ? 0 : Math.Round(outcomes.Values.Average(o => o.Scale), 4), images);
    }
}
