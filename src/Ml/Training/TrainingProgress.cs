namespace VaeFaces.Ml.Training;

/// <summary>How far a long computation is: fraction of all its work, an ETA, and the latest metrics.</summary>
public sealed record TrainingProgress(double Fraction, TimeSpan? Eta, string Stage, IReadOnlyDictionary<string, double> Metrics);
