namespace VaeFaces.Contracts;

public sealed record JobProgressed(
    Guid JobId,
    string Kind,
    double Fraction,
    TimeSpan? Eta,
    string Stage,
    IReadOnlyDictionary<string, double> Metrics);
