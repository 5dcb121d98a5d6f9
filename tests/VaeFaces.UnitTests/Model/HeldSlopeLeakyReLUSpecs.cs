using TorchSharp;
using VaeFaces.Ml.Model;
using static TorchSharp.torch;

namespace VaeFaces.UnitTests.Model;

public class HeldSlopeLeakyReLUSpecs
{
    [Fact]
    public void It_computes_torchs_leaky_relu_forward_and_backward()
    {
        using var scope = torch.NewDisposeScope();
        using var held = new HeldSlopeLeakyReLU(0.2);
        using var reference = nn.LeakyReLU(0.2);
        var x = torch.randn(4, 8, generator: new Generator(7)).requires_grad_(true);
        var y = x.detach().clone().requires_grad_(true);

        var ours = held.forward(x);
        var theirs = reference.forward(y);
        (ours * ours).sum().backward();
        (theirs * theirs).sum().backward();

        Assert.True(ours.allclose(theirs, rtol: 0, atol: 0));
        Assert.True(x.grad!.allclose(y.grad!, rtol: 0, atol: 0));
    }

    [Fact]
    public async Task Many_calls_under_garbage_collection_pressure_all_see_the_slope()
    {
        // The fault it avoids needs a collection during the native call: force many while it runs.
        using var held = new HeldSlopeLeakyReLU(0.2);
        using var input = -torch.ones(1000);
        using var stop = new CancellationTokenSource();
        var collector = Task.Run(() => { while (!stop.IsCancellationRequested) { GC.Collect(); GC.WaitForPendingFinalizers(); } });
        for (var i = 0; i < 2000; i++)
        {
            using var scope = torch.NewDisposeScope();
            Assert.Equal(-0.2f, held.forward(input).min().item<float>(), 6);
        }
        stop.Cancel();
        await collector;
    }

    [Fact]
    public void The_model_keeps_its_parameter_names_so_saved_models_still_load()
    {
        using var model = new VariationalAutoencoder(new ModelOptions { ImageSize = 64 });
        var names = model.state_dict().Keys.ToList();

        Assert.Contains("encoder.features.conv0.weight", names);
        Assert.DoesNotContain(names, n => n.Contains("act", StringComparison.Ordinal));
    }
}
