using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Imaging;

namespace VaeFaces.UnitTests.Editing;

public class AttributeExplorerSpecs
{
    [Fact]
    public void Strip_has_a_row_per_attribute_and_a_column_per_magnitude_and_the_trio_starts_with_the_original()
    {
        using var model = TestModels.Eval();
        var image = TestModels.RandomImages(1);
        var explored = new[] { new LatentEdit("A", TestModels.Axis(0), 1), new LatentEdit("B", TestModels.Axis(1), 1) };
        var combined = new[] { new LatentEdit("A", TestModels.Axis(0), 3) };

        var (strip, trio) = AttributeExplorer.Explore(model, image, explored, combined, [-2, 0, 3]);

        Assert.Equal(6, strip.Count);
        Assert.Equal(3, trio.Count);
        Assert.Equal(image.Pixels, Image(trio, 0));
        // Magnitude 0 of either attribute is the reconstruction; A at +3 is the combined edit; B at -2 is that edit alone.
        AssertClose(Image(trio, 1), Image(strip, 1));
        AssertClose(Image(trio, 1), Image(strip, 4));
        AssertClose(Image(trio, 2), Image(strip, 2));
        AssertClose(ImageEditor.Edit(model, image, [explored[1] with { Magnitude = -2 }]).Pixels, Image(strip, 3));
        Assert.NotEqual(Image(strip, 0), Image(strip, 2));
    }

    private static float[] Image(ImageBatch batch, int index)
    {
        var plane = 3 * batch.Height * batch.Width;
        return batch.Pixels.AsSpan(index * plane, plane).ToArray();
    }

    /// <summary>Decoded in batches of different sizes, so equal up to float rounding only.</summary>
    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 1e-5f));
    }
}
