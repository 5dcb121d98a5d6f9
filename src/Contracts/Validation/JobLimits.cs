namespace VaeFaces.Contracts.Validation;

/// <summary>
/// The upper bounds of the commands' parameters, written once: each command's Validate checks them, so the job API
/// answers 400 naming the field and a worker fails a command published straight to its queue. Each bound is far above
/// what a face-VAE user asks for and far below what exhausts a worker (memory, int ranges, a GPU held for months).
/// </summary>
public static class JobLimits
{
    /// <summary>
    /// Images per batch, training and inference. The tutorial trains at 512 on 4 GPUs. At 128 px a 4096-image batch is
    /// 4096 x 3 x 128 x 128 floats = 805 MB per buffer (the loader holds a few); 43,691 overflows an int.
    /// </summary>
    public const int BatchSize = 4096;

    /// <summary>The tutorial trains 20 epochs; 10,000 on full CelebA is years of GPU time already.</summary>
    public const int Epochs = 10_000;

    /// <summary>The tutorial's latent space has 200 dimensions; 2048 keeps codes of 200k images (images x dim floats) small.</summary>
    public const int LatentDim = 2048;

    /// <summary>Attribute vector norms are 0.9 to 3.7 and the tutorial edits at -3..+3: 100 is past any face the decoder makes.</summary>
    public const double Magnitude = 100;

    /// <summary>Columns of an explore strip (each is a decode per attribute and image; the default has 7), and images per interpolation path.</summary>
    public const int ExploreMagnitudes = 25;

    /// <summary>Rows of an explore strip (each is one image's explore PNG), and pairs of an interpolation strip.</summary>
    public const int ExploreImages = 64;

    /// <summary>Images an EvaluateEdits decodes and judges once per attribute, method and magnitude.</summary>
    public const int EvaluatedImages = 20_000;

    /// <summary>Images of a sample grid.</summary>
    public const int Samples = 1024;
}
