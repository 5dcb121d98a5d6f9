using TorchSharp;
using VaeFaces.Ml.Model;
using static TorchSharp.torch;

namespace VaeFaces.UnitTests.Model;

public class RgbOutputConvSpecs
{
    [Fact]
    public void Computes_a_plain_3x3_conv_and_its_gradients_as_float64_does()
    {
        torch.random.manual_seed(3);
        using var rgb = new RgbOutputConv(32);
        using var reference = nn.Conv2d(32, 3, 3, padding: 1);
        reference.load_state_dict(rgb.state_dict());
        reference.to(float64);
        using var scope = torch.NewDisposeScope();
        var input = torch.rand(4, 32, 16, 16);
        var viaRgb = input.clone().requires_grad_(true);
        var viaReference = input.to(float64).requires_grad_(true);

        var output = rgb.forward(viaRgb);
        var expected = reference.forward(viaReference);
        output.sigmoid().sum().backward();
        expected.sigmoid().sum().backward();

        Assert.True(output.to(float64).allclose(expected, rtol: 1e-4, atol: 1e-5), "forward");
        Assert.True(viaRgb.grad!.to(float64).allclose(viaReference.grad!, rtol: 1e-4, atol: 1e-6), "input gradient");
        var referenceParameters = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in rgb.named_parameters())
            Assert.True(parameter.grad!.to(float64).allclose(referenceParameters[name].grad!, rtol: 1e-4, atol: 1e-4), $"{name} gradient");
    }

    [Fact]
    public void Saved_models_keep_the_parameter_names_of_a_plain_conv()
    {
        using var model = new VariationalAutoencoder(new ModelOptions { ImageSize = 64 });
        var names = model.state_dict().Keys.Where(k => k.Contains("to_rgb", StringComparison.Ordinal)).Order();
        Assert.Equal(["decoder.blocks.to_rgb.bias", "decoder.blocks.to_rgb.weight"], names);
    }
}
