using TorchSharp;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Model;

namespace VaeFaces.UnitTests.Editing;

/// <summary>A small seeded model in eval mode, as jobs load one, and random images for it.</summary>
internal static class TestModels
{
    public const int Size = 64;
    public const int LatentDim = 16;

    public static VariationalAutoencoder Eval(int seed = 3)
    {
        torch.random.manual_seed(seed);
        var model = new VariationalAutoencoder(new ModelOptions { ImageSize = Size, LatentDim = LatentDim });
        model.eval();
        return model;
    }

    public static ImageBatch RandomImages(int count, int seed = 4)
    {
        var random = new Random(seed);
        var pixels = new float[count * 3 * Size * Size];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = random.NextSingle();
        return new ImageBatch(pixels, count, Size, Size);
    }

    /// <summary>A unit vector along one latent dimension.</summary>
    public static float[] Axis(int dimension)
    {
        var vector = new float[LatentDim];
        vector[dimension] = 1;
        return vector;
    }
}
