namespace VaeFaces.Contracts;

/// <summary>How an attribute's latent direction is found, as ExtractAttributeVectors and EvaluateEdits name it.</summary>
public static class DirectionMethods
{
    /// <summary>The tutorial's: mean z_mean of images with the attribute minus mean of those without.</summary>
    public const string MeanDifference = "mean-difference";

    /// <summary>The unit normal of a logistic regression of the label on z_mean (InterFaceGAN's boundary normal).</summary>
    public const string Linear = "linear";

    /// <summary>The linear normal with correlated attributes' normals projected out (InterFaceGAN's conditional manipulation).</summary>
    public const string Conditional = "conditional";

    public static IReadOnlyList<string> All { get; } = [MeanDifference, Linear, Conditional];
}
