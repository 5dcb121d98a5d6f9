namespace VaeFaces.Ml.Common;

/// <summary>How far a long computation is: fraction of all its work, an ETA, and the latest metrics.</summary>
public sealed record WorkProgress(double Fraction, TimeSpan? Eta, string Stage, IReadOnlyDictionary<string, double> Metrics);
