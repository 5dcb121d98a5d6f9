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
        Assert.Equal(image.Pixels, TestModels.Image(trio, 0));
        // Magnitude 0 of either attribute is the reconstruction; A at +3 is the combined edit; B at -2 is that edit alone.
        TestModels.AssertClose(TestModels.Image(trio, 1), TestModels.Image(strip, 1));
        TestModels.AssertClose(TestModels.Image(trio, 1), TestModels.Image(strip, 4));
        TestModels.AssertClose(TestModels.Image(trio, 2), TestModels.Image(strip, 2));
        TestModels.AssertClose(ImageEditor.Edit(model, image, [explored[1] with { Magnitude = -2 }]).Pixels, TestModels.Image(strip, 3));
        Assert.NotEqual(TestModels.Image(strip, 0), TestModels.Image(strip, 2));
    }
}
