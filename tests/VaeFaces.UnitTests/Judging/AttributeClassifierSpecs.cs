using TorchSharp;
using VaeFaces.Ml.Judging;

namespace VaeFaces.UnitTests.Judging;

public class AttributeClassifierSpecs
{
    private static readonly string[] Names = ["Smiling", "Eyeglasses", "Male"];

    [Theory]
    [InlineData(64)]
    [InlineData(112)]
    [InlineData(128)]
    public void One_logit_per_attribute_whatever_the_image_size(int size)
    {
        using var model = new AttributeClassifier(new AttributeClassifierOptions { ImageSize = size, Attributes = Names });
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new long[] { 5, 3 }, model.forward(torch.rand(5, 3, size, size)).shape);
    }

    [Fact]
    public void It_ends_in_a_linear_layer_not_a_small_output_conv()
    {
        using var model = new AttributeClassifier(new AttributeClassifierOptions { Attributes = Names });
        var last = model.named_parameters().Last();
        Assert.Equal("head.bias", last.name);
        Assert.Equal(new long[] { 3, 256 * 4 * 4 }, model.named_parameters().Single(p => p.name == "head.weight").parameter.shape);
    }

    [Fact]
    public void A_judge_without_attributes_or_with_an_unsupported_size_is_refused()
    {
        Assert.Contains("at least one attribute", Assert.Throws<ArgumentException>(() => new AttributeClassifier(new AttributeClassifierOptions())).Message);
        Assert.Contains("100", Assert.Throws<ArgumentException>(() => new AttributeClassifier(new AttributeClassifierOptions { ImageSize = 100, Attributes = Names })).Message);
    }
}
