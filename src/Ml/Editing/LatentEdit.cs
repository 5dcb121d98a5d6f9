namespace VaeFaces.Ml.Editing;

/// <summary>One move in latent space: Magnitude times the attribute vector Vector (one value per latent dimension).</summary>
public sealed record LatentEdit(string Name, float[] Vector, double Magnitude);
