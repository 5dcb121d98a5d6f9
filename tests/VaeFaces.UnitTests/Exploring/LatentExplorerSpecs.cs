using SkiaSharp;
using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Exploring;
using VaeFaces.Ml.Latent;
using VaeFaces.UnitTests.Editing;

namespace VaeFaces.UnitTests.Exploring;

public class LatentExplorerSpecs
{
    private static readonly float[] Smiling = TestModels.Axis(2);

    private static LatentExplorer Explorer() => new(TestModels.Sensitive(), new Dictionary<string, float[]>(StringComparer.OrdinalIgnoreCase) { ["Smiling"] = Smiling },
        new float[TestModels.LatentDim], Enumerable.Repeat(1f, TestModels.LatentDim).ToArray());

    /// <summary>The PNG's pixels as RGB floats in [0, 1], CHW like an ImageBatch.</summary>
    private static float[] Pixels(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var plane = bitmap.Width * bitmap.Height;
        var pixels = new float[3 * plane];
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                var p = y * bitmap.Width + x;
                (pixels[p], pixels[plane + p], pixels[2 * plane + p]) = (c.Red / 255f, c.Green / 255f, c.Blue / 255f);
            }
        return pixels;
    }

    [Fact]
    public void A_slider_value_decodes_the_code_moved_by_that_multiple_of_the_vector()
    {
        using var explorer = Explorer();
        using var model = TestModels.Sensitive();
        var code = explorer.Sample(seed: 1);
        var moved = code.Zip(Smiling, (z, v) => z + 2.5f * v).ToArray();

        var expected = LatentDecoder.Decode(model, moved, 1);
        var rendered = Pixels(explorer.RenderPng(code, new Dictionary<string, double> { ["Smiling"] = 2.5 }));
        // PNG stores 8 bits a channel: equal to within half a level.
        Assert.All(expected.Pixels.Zip(rendered), p => Assert.InRange(Math.Abs(Math.Clamp(p.First, 0, 1) - p.Second), 0, 0.5 / 255 + 1e-6));
        Assert.NotEqual(Pixels(explorer.RenderPng(code, new Dictionary<string, double>())), rendered);
    }

    [Fact]
    public void Samples_follow_the_statistics_and_a_seed_gives_the_same_face()
    {
        using var explorer = Explorer();
        Assert.Equal(explorer.Sample(7), explorer.Sample(7));
        Assert.NotEqual(explorer.Sample(7), explorer.Sample(8));
        using var withoutStatistics = new LatentExplorer(TestModels.Eval(), new Dictionary<string, float[]>(), null, null);
        Assert.False(withoutStatistics.CanSample);
        Assert.Throws<InvalidOperationException>(() => withoutStatistics.Sample(1));
    }

    [Fact]
    public void An_encoded_image_gives_the_encoders_mean_code_and_a_corrupt_one_names_the_file()
    {
        using var explorer = Explorer();
        var image = TestModels.RandomImages(1);
        var png = Ml.Imaging.ImageGrid.RenderPng(image, columns: 1, padding: 0);
        using var model = TestModels.Sensitive();
        using var noGrad = TorchSharp.torch.no_grad();
        var (mean, _) = model.Encode(Ml.Model.ImageTensors.ToTensor(new Ml.Imaging.ImageBatch(Pixels(png), 1, TestModels.Size, TestModels.Size), TorchSharp.torch.CPU));
        TestModels.AssertClose(mean.data<float>().ToArray(), explorer.Encode(png, "face.png"));

        var error = Assert.Throws<Ml.Data.DatasetException>(() => explorer.Encode([1, 2, 3], "broken.jpg"));
        Assert.StartsWith("broken.jpg: ", error.Message);
    }

    [Fact]
    public void A_disposed_explorer_refuses_further_calls()
    {
        var explorer = Explorer();
        explorer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => explorer.RenderPng(new float[TestModels.LatentDim], new Dictionary<string, double>()));
    }
}
