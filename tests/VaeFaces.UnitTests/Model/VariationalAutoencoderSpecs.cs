using TorchSharp;
using VaeFaces.Ml.Model;

namespace VaeFaces.UnitTests.Model;

public class VariationalAutoencoderSpecs
{
    [Fact]
    public void Tutorial_model_at_112_has_the_tutorial_parameter_count()
    {
        using var model = new VariationalAutoencoder(new ModelOptions());
        Assert.Equal(2_053_523, model.ParameterCount());
    }

    [Theory]
    [InlineData(64)]
    [InlineData(112)]
    [InlineData(128)]
    public void Shapes_follow_the_image_size(int size)
    {
        using var model = new VariationalAutoencoder(new ModelOptions { ImageSize = size });
        using var scope = torch.NewDisposeScope();
        var images = torch.rand(2, 3, size, size);
        var output = model.forward(images);
        Assert.Equal(new long[] { 2, 3, size, size }, output.Reconstruction.shape);
        Assert.Equal(new long[] { 2, 200 }, output.Mean.shape);
        Assert.Equal(new long[] { 2, 200 }, output.LogVar.shape);
        Assert.True(output.Reconstruction.min().item<float>() >= 0 && output.Reconstruction.max().item<float>() <= 1, "sigmoid output");
    }

    [Fact]
    public void Unsupported_image_size_is_refused_with_the_size_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new VariationalAutoencoder(new ModelOptions { ImageSize = 100 }));
        Assert.Contains("100", error.Message);
    }

    [Fact]
    public void Eval_mode_decodes_z_mean_so_outputs_repeat()
    {
        using var model = new VariationalAutoencoder(new ModelOptions { ImageSize = 64 });
        model.eval();
        using var scope = torch.NewDisposeScope();
        var images = torch.rand(1, 3, 64, 64);
        Assert.True(model.forward(images).Reconstruction.allclose(model.forward(images).Reconstruction, rtol: 0, atol: 0));
    }

    [Fact]
    public void Saved_weights_load_into_a_model_with_the_same_outputs()
    {
        using var model = new VariationalAutoencoder(new ModelOptions { ImageSize = 64, LatentDim = 16 });
        model.eval();
        using var stream = new MemoryStream();
        ModelFile.SaveWeights(stream, model);
        stream.Position = 0;
        using var loaded = ModelFile.Load(stream, ModelFile.OptionsJson(model.Options));
        using var scope = torch.NewDisposeScope();
        var images = torch.rand(2, 3, 64, 64);
        Assert.True(model.forward(images).Reconstruction.allclose(loaded.forward(images).Reconstruction));
    }
}
