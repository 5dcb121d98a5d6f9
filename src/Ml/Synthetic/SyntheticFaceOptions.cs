namespace VaeFaces.Ml.Synthetic;

/// <summary>
/// What to generate: Count images from Seed. The fractions are the shares of images (rounded) that go to the
/// validation and test partitions; the rest is training data.
/// </summary>
public sealed record SyntheticFaceOptions(int Count, int Seed, double ValidationFraction = 0.1, double TestFraction = 0.1, int JpegQuality = 90)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Count, 1, nameof(Count));
        CheckFraction(ValidationFraction, nameof(ValidationFraction));
        CheckFraction(TestFraction, nameof(TestFraction));
        // Training needs images of its own; a dataset that is all validation and test cannot train a model.
        if (ValidationFraction + TestFraction >= 1)
            throw new ArgumentOutOfRangeException(nameof(TestFraction),
                $"ValidationFraction + TestFraction must be below 1 so that some images are left for training (got {ValidationFraction + TestFraction}).");
        ArgumentOutOfRangeException.ThrowIfLessThan(JpegQuality, 1, nameof(JpegQuality));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(JpegQuality, 100, nameof(JpegQuality));
    }

    private static void CheckFraction(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
            throw new ArgumentOutOfRangeException(name, value, "must be a fraction between 0 and 1");
    }
}
