using TorchSharp;
using VaeFaces.Ml.Editing;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Latent;
using VaeFaces.Ml.Model;

namespace VaeFaces.UnitTests.Editing;

public class ImageEditorSpecs
{
    [Fact]
    public void An_edit_of_magnitude_zero_decodes_to_the_reconstruction()
    {
        using var model = TestModels.Eval();
        var images = TestModels.RandomImages(3);

        var edited = ImageEditor.Edit(model, images, [new LatentEdit("Smiling", TestModels.Axis(0), 0)]);

        Assert.Equal(Reconstruction(model, images).Pixels, edited.Pixels);
        Assert.Equal((3, TestModels.Size, TestModels.Size), (edited.Count, edited.Height, edited.Width));
    }

    [Fact]
    public void Edits_add_magnitude_times_vector_to_each_code_then_decode()
    {
        using var model = TestModels.Eval();
        var images = TestModels.RandomImages(2);
        var edits = new[] { new LatentEdit("A", TestModels.Axis(1), 2), new LatentEdit("B", TestModels.Axis(5), -1.5) };

        var edited = ImageEditor.Edit(model, images, edits);

        var z = Codes(model, images);
        for (var n = 0; n < 2; n++)
        {
            z[n * TestModels.LatentDim + 1] += 2;
            z[n * TestModels.LatentDim + 5] -= 1.5f;
        }
        var expected = LatentDecoder.Decode(model, z, 2);
        Assert.Equal(expected.Pixels.Length, edited.Pixels.Length);
        Assert.All(expected.Pixels.Zip(edited.Pixels), p => Assert.Equal(p.First, p.Second, 1e-5f));
        Assert.NotEqual(Reconstruction(model, images).Pixels, edited.Pixels);
    }

    private static ImageBatch Reconstruction(VariationalAutoencoder model, ImageBatch images)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        return ImageTensors.ToBatch(model.forward(ImageTensors.ToTensor(images, Devices.Best())).Reconstruction);
    }

    private static float[] Codes(VariationalAutoencoder model, ImageBatch images)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        return model.Encode(ImageTensors.ToTensor(images, Devices.Best())).Mean.cpu().data<float>().ToArray();
    }
}
