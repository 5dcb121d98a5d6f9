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

    /// <summary>
    /// An untrained model's codes are tiny (norm 0.1) and nearly parallel, and its decodes hardly depend on them, so
    /// edits and paths would differ by rounding only. Larger codes without the shared bias, and a decoder 30 times as steep.
    /// </summary>
    public static VariationalAutoencoder Sensitive()
    {
        var model = Eval();
        using var noGrad = torch.no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (name is "encoder.mean.weight" or "decoder.project.weight") parameter.mul_(30);
            if (name is "encoder.mean.bias") parameter.zero_();
        }
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

    /// <summary>Image index of a batch, as its own array of CHW floats.</summary>
    public static float[] Image(ImageBatch batch, int index)
    {
        var plane = 3 * batch.Height * batch.Width;
        return batch.Pixels.AsSpan(index * plane, plane).ToArray();
    }

    /// <summary>Decoded in batches of different sizes, so equal up to float rounding only.</summary>
    public static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-5f));
    }
}
