namespace VaeFaces.Ml.Imaging;

/// <summary>One named line of a <see cref="LinePlot"/>; X and Y have the same length. Non-finite points leave a gap.</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);
