using TorchSharp;
using VaeFaces.Ml.Data;
using VaeFaces.Ml.Judging;
using VaeFaces.UnitTests.Data;

namespace VaeFaces.UnitTests.Judging;

/// <summary>
/// Alone, after the parallel tests: weight init, dropout and the flips draw from torch's one global generator, which
/// other tests seed and draw from concurrently.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalTorchSeed
{
    public const string Name = "global torch seed";
}

[Collection(GlobalTorchSeed.Name)]
public class ClassifierTrainingSpecs
{
    private static readonly AttributeClassifierOptions Options = new() { ImageSize = 64, Attributes = ["A", "B"], Channels = [8, 16] };

    [Fact]
    public void A_step_frees_every_tensor_it_makes()
    {
        torch.random.manual_seed(1);
        using var model = new AttributeClassifier(Options);
        using var optimizer = torch.optim.AdamW(model.parameters(), 1e-3);
        using var weight = torch.tensor(new float[] { 1, 3 });
        var step = new ClassifierStep(model, optimizer, weight);
        (torch.Tensor, torch.Tensor) Batch() => (torch.rand(4, 3, 64, 64), torch.tensor(new float[] { 1, 0, 0, 1, 1, 1, 0, 0 }, [4, 2]));
        step.Run(Batch);
        var live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        var (loss, applied) = step.Run(Batch);

        Assert.True(applied && double.IsFinite(loss));
        Assert.Equal(live, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public async Task The_same_seed_trains_the_same_weights()
    {
        var folder = TestImages.Folder(24);
        try
        {
            var dataset = CelebADataset.Open(folder);
            using var images = new DecodedImageCache(Path.Combine(folder, ".cache")).Load(dataset, dataset.Images, 64, false);
            var labels = AttributeLabels.Of(images.Images, [0, 0]);
            var training = new ClassifierTrainingOptions(Epochs: 2, BatchSize: 8, LearningRate: 1e-3, Seed: 9);

            using var first = (await AttributeClassifierTrainer.TrainAsync(images, labels, Options, training, null, CancellationToken.None)).Model;
            using var second = (await AttributeClassifierTrainer.TrainAsync(images, labels, Options, training, null, CancellationToken.None)).Model;
            using var other = (await AttributeClassifierTrainer.TrainAsync(images, labels, Options, training with { Seed = 10 }, null, CancellationToken.None)).Model;

            var a = first.state_dict();
            var b = second.state_dict();
            var c = other.state_dict();
            Assert.All(a.Keys, key => Assert.True(a[key].eq(b[key]).all().item<bool>(), key));
            Assert.Contains(a.Keys, key => a[key].is_floating_point() && !a[key].eq(c[key]).all().item<bool>());
            Assert.False(first.training);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_learning_rate_decays_from_its_value_by_a_cosine_and_never_reaches_zero()
    {
        var options = new ClassifierTrainingOptions(Epochs: 3, BatchSize: 8, LearningRate: 0.002, Seed: 1);
        Assert.Equal(0.002, options.LearningRateAt(0), 12);
        Assert.Equal(0.001, options.LearningRateAt(2), 12);
        Assert.InRange(options.LearningRateAt(3), 1e-12, options.LearningRateAt(2));
    }
}
