using TorchSharp;
using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Latent;
using VaeFaces.Ml.Model;
using VaeFaces.UnitTests.Editing;

namespace VaeFaces.UnitTests.Latent;

public class InterpolationStripSpecs
{
    private const int Steps = 5;
    private const int Middle = 1 + Steps / 2;
    private static readonly int Columns = InterpolationStrip.Columns(Steps);

    [Fact]
    public void A_pair_gives_a_lerp_row_and_a_slerp_row_framed_by_the_originals()
    {
        using var model = TestModels.Sensitive();
        var pair = Pair();

        var strip = InterpolationStrip.Render(model, pair, Steps);

        Assert.Equal(2 * (Steps + 2), strip.Count);
        Assert.Equal((TestModels.Size, TestModels.Size), (strip.Height, strip.Width));
        foreach (var row in new[] { 0, 1 })
        {
            Assert.Equal(TestModels.Image(pair, 0), Cell(strip, row, 0));
            Assert.Equal(TestModels.Image(pair, 1), Cell(strip, row, Columns - 1));
        }
    }

    [Fact]
    public void Both_paths_start_and_end_at_the_reconstructions_of_a_and_b()
    {
        using var model = TestModels.Sensitive();
        var pair = Pair();

        var strip = InterpolationStrip.Render(model, pair, Steps);

        // No edits: the decode of z_mean.
        var reconstructions = ImageEditor.Edit(model, pair, []);
        foreach (var row in new[] { 0, 1 })
        {
            TestModels.AssertClose(TestModels.Image(reconstructions, 0), Cell(strip, row, 1));
            TestModels.AssertClose(TestModels.Image(reconstructions, 1), Cell(strip, row, Steps));
        }
    }

    [Fact]
    public void The_middles_are_the_decoded_lerp_and_slerp_midpoints_and_differ_for_codes_that_are_not_parallel()
    {
        using var model = TestModels.Sensitive();
        var pair = Pair();
        var (a, b) = Codes(model, pair);
        Assert.InRange(AttributeVectors.Dot(a, b) / (AttributeVectors.Norm(a) * AttributeVectors.Norm(b)), -0.9, 0.9);

        var strip = InterpolationStrip.Render(model, pair, Steps);

        TestModels.AssertClose(TestModels.Image(LatentDecoder.Decode(model, Interpolation.Lerp(a, b, 0.5), 1), 0), Cell(strip, 0, Middle));
        TestModels.AssertClose(TestModels.Image(LatentDecoder.Decode(model, Interpolation.Slerp(a, b, 0.5), 1), 0), Cell(strip, 1, Middle));
        var largest = Cell(strip, 0, Middle).Zip(Cell(strip, 1, Middle)).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(largest > 1e-3f, $"lerp and slerp midpoints differ by at most {largest}");
    }

    [Fact]
    public void Labels_name_each_row_and_each_t()
    {
        Assert.Equal(["pair 1 lerp", "pair 1 slerp", "pair 2 lerp", "pair 2 slerp"], InterpolationStrip.RowLabels(2));
        Assert.Equal(["a", "t=0", "t=0.25", "t=0.5", "t=0.75", "t=1", "b"], InterpolationStrip.ColumnLabels(Steps));
    }

    [Fact]
    public void A_strip_needs_exactly_two_images()
    {
        using var model = TestModels.Eval();

        Assert.Throws<ArgumentException>(() => InterpolationStrip.Render(model, TestModels.RandomImages(3), Steps));
    }

    /// <summary>An image and its negative: codes far from parallel.</summary>
    private static ImageBatch Pair()
    {
        var image = TestModels.RandomImages(1).Pixels;
        return new ImageBatch([.. image, .. image.Select(v => 1 - v)], 2, TestModels.Size, TestModels.Size);
    }

    private static (float[] A, float[] B) Codes(VariationalAutoencoder model, ImageBatch pair)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var z = model.Encode(ImageTensors.ToTensor(pair, Devices.Best())).Mean.cpu().data<float>().ToArray();
        return (z[..TestModels.LatentDim], z[TestModels.LatentDim..]);
    }

    private static float[] Cell(ImageBatch strip, int row, int column) => TestModels.Image(strip, row * Columns + column);
}
