using TorchSharp;
using VaeFaces.Ml.Imaging;
using VaeFaces.Ml.Judging;

namespace VaeFaces.UnitTests.Judging;

public class AttributeJudgeSpecs
{
    private static AttributeJudge Judge(int size = 64)
    {
        torch.random.manual_seed(5);
        return new AttributeJudge(new AttributeClassifier(new AttributeClassifierOptions { ImageSize = size, Attributes = ["Smiling", "Eyeglasses"] }));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(112)]
    [InlineData(128)]
    [InlineData(32)]
    public void Probabilities_are_N_by_attributes_in_0_1_for_images_of_any_side(int side)
    {
        using var judge = Judge();
        using var scope = torch.NewDisposeScope();
        var p = judge.Probabilities(torch.rand(4, 3, side, side));
        Assert.Equal(new long[] { 4, 2 }, p.shape);
        Assert.True(p.min().item<float>() >= 0 && p.max().item<float>() <= 1);
        Assert.False(p.requires_grad);
    }

    [Fact]
    public void An_image_at_twice_the_judges_side_scores_as_its_2x2_average()
    {
        using var judge = Judge();
        using var scope = torch.NewDisposeScope();
        var large = torch.rand(3, 3, 128, 128);
        var small = torch.nn.functional.avg_pool2d(large, 2);
        Assert.True(judge.Probabilities(large).allclose(judge.Probabilities(small), rtol: 1e-4, atol: 1e-6));
    }

    [Fact]
    public void Images_that_are_not_N_3_S_S_are_refused()
    {
        using var judge = Judge();
        using var scope = torch.NewDisposeScope();
        Assert.Contains("[N, 3, S, S]", Assert.Throws<ArgumentException>(() => judge.Probabilities(torch.rand(2, 3, 64, 48))).Message);
        Assert.Throws<ArgumentException>(() => judge.Probabilities(torch.rand(3, 64, 64)));
    }

    [Fact]
    public void A_saved_judge_loads_with_the_same_attributes_and_probabilities()
    {
        using var judge = Judge();
        torch.random.manual_seed(5);
        using var trained = new AttributeClassifier(new AttributeClassifierOptions { ImageSize = 64, Attributes = ["Smiling", "Eyeglasses"] });
        using var stream = new MemoryStream();
        JudgeFile.SaveWeights(stream, trained);
        stream.Position = 0;
        using var loaded = JudgeFile.Load(stream, JudgeFile.OptionsJson(trained.Options));
        Assert.Equal(["Smiling", "Eyeglasses"], loaded.Attributes);
        Assert.Equal(64, loaded.ImageSize);
        Assert.Equal(1, loaded.IndexOf("eyeglasses"));
        Assert.Equal(-1, loaded.IndexOf("Bald"));
        var images = RandomImages(3, 64);
        Assert.Equal(judge.Probabilities(images), loaded.Probabilities(images));
    }

    [Fact]
    public void Scoring_frees_every_tensor_it_makes()
    {
        using var judge = Judge();
        var images = RandomImages(5, 112);
        judge.Probabilities(images);
        var live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        judge.Probabilities(images);
        using (torch.NewDisposeScope()) judge.Probabilities(torch.rand(2, 3, 64, 64));

        Assert.Equal(live, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    private static ImageBatch RandomImages(int count, int side)
    {
        var random = new Random(7);
        var pixels = new float[count * 3 * side * side];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = random.NextSingle();
        return new ImageBatch(pixels, count, side, side);
    }
}
